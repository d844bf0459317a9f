"""A code name for a derivative (d + a name) as ``--of`` that only repeats the claim's head, and ``dx`` of the page's
one function of x: the derivative of that function by x."""

from symgrad import verify


def test_dx_of_the_one_function_of_x_is_its_derivative_by_x():
    define = ["f(x) = ln(exp(x) + 1)"]
    right = verify("dx = 1 / (1 + exp(-x))", of="dx", define=define)
    assert right.verdict == "proved" and "dx (d + a name, not defined) read as" in right.message
    assert verify("dx = 1 / (1 + exp(x))", of="dx", define=define).verdict == "wrong"


def test_of_repeating_the_head_reads_the_upstream_gradient_the_claim_names():
    define = ["next_h = o * np.tanh(next_c)"]
    right = verify("dnext_c = o * (1 - np.tanh(next_c)**2) * dnext_h", of="dnext_c", define=define)
    assert right.verdict == "proved" and "the claim's own head" in right.message
    assert verify("dnext_c = o * (1 - np.tanh(next_c)) * dnext_h", of="dnext_c", define=define).verdict == "wrong"
