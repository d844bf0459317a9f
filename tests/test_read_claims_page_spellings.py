"""Claims as pages write them (issue 9): line breaks, cases and upright names in the page's own spelling."""

from __future__ import annotations

import pytest

from symgrad import verify


@pytest.mark.parametrize(("claim", "verdict"), [
    (r"\frac{d}{dz}\tanh z = \operatorname{sech^2}{z}", "proved"),
    (r"\frac{d}{dz}\tanh z = \mathrm{sech^{2}}(z)", "proved"),
    (r"\frac{d}{dz}\tanh z = 2\operatorname{sech^2}{z}", "wrong"),
])
def test_a_power_inside_an_upright_name_is_the_power_of_the_function(claim: str, verdict: str) -> None:
    assert verify(claim).verdict == verdict


@pytest.mark.parametrize(("sign", "verdict"), [("-", "agrees"), ("", "wrong")])
def test_newline_parts_the_rows_of_cases(sign: str, verdict: str) -> None:
    claim = (r"\frac{d|t|}{dt} = \begin{cases} 1 & \text{if } t > 0 \newline " + sign +
             r"1 & \text{if } t < 0 \end{cases}")
    assert verify(claim).verdict == verdict


@pytest.mark.parametrize(("first", "verdict"), [("+1", "agrees"), ("-1", "wrong")])
def test_a_comma_alone_parts_a_case_from_its_condition(first: str, verdict: str) -> None:
    claim = (r"\frac{dE}{du} = \begin{cases} " + first + r",\quad u > v \\ -1,\quad u < v \end{cases}")
    assert verify(claim, define=["E = |u - v|"]).verdict == verdict


QUADRATIC = r"q = \sum_{i=1}^{n}\sum_{j=1}^{n} u_i b_{ij} u_j"
SHAPES = r"u \in \mathbb{R}^{n}, B \in \mathbb{R}^{n \times n}"


@pytest.mark.parametrize(("claim", "verdict"), [
    (r"$\frac{\partial q}{\partial u_k} = \sum_{j=1}^{n} (b_{kj} + b_{jk}) u_j$ for each $k$ = 1, ..., $n$.", "proved"),
    (r"$\frac{\partial q}{\partial u_k} = 2\sum_{j=1}^{n} b_{kj} u_j$ for all $k$ = 1, \dots, $n$", "wrong"),
    (r"$\frac{\partial q}{\partial u_k} = \sum_{j=1}^{n} (b_{kj} + b_{jk}) u_j$ for every $k$", "proved"),
    (r"\frac{\partial q}{\partial u_k} = \sum_{j=1}^{n} (b_{kj} + b_{jk}) u_j, \quad k = 1, \dots, n", "proved"),
    (r"\frac{\partial q}{\partial u_k} = 2\sum_{j=1}^{n} b_{jk} u_j \quad \forall k = 1, \dots, n", "wrong"),
])
def test_the_range_of_the_claims_index_after_it_is_no_part_of_its_value(claim: str, verdict: str) -> None:
    assert verify(claim, define=[QUADRATIC], given=[SHAPES]).verdict == verdict


def test_a_range_after_the_claim_names_a_size_that_must_match() -> None:
    v = verify(r"\frac{\partial L}{\partial w_k} = 2 w_k, \quad k = 1, \dots, n", define=[r"L = \sum_{i=1}^{m} w_i^2"])
    assert v.verdict == "unreadable" and "size n does not match size m" in v.message


@pytest.mark.parametrize(("claim", "verdict"), [
    (r"d(v^T M v) = v^T(M + M^T)\,dv", "proved"),
    (r"d(v^T M v) = 2 v^T M\,dv", "wrong"),  # only for a symmetric M
])
def test_the_differential_of_a_bracketed_expression_is_its_gradient_by_the_one_dv(claim: str, verdict: str) -> None:
    assert verify(claim).verdict == verdict


def test_a_differential_in_two_variables_names_no_one_derivative() -> None:
    assert verify(r"d(v^T M v) = v^T(M + M^T)\,dv + v^T dM\, v").verdict == "unreadable"


FEATURES = [r"E = \frac{1}{N}\sum_{n=1}^{N} (h_n - t_n)^2", r"h_n = a_1u_{n1} + a_2u_{n2} + c"]


@pytest.mark.parametrize(("claim", "verdict"), [
    (r"\frac{\partial E}{\partial a_2} = \frac{2}{N}\sum_{n=1}^{N} (h_n - t_n)u_{n2}", "proved"),
    (r"\frac{\partial E}{\partial a_2} = \frac{2}{N}\sum_{n=1}^{N} (h_n - t_n)u_{n1}", "wrong"),
])
def test_an_index_and_a_column_written_together_are_an_entry(claim: str, verdict: str) -> None:
    assert verify(claim, define=FEATURES, given=[r"u \in \mathbb{R}^{N \times 2}"]).verdict == verdict


def test_an_entry_taken_out_of_its_indexs_sum_is_wrong() -> None:
    claim = r"\frac{\partial E}{\partial a_2} = \frac{2}{N}u_{n2}\sum_{n=1}^{N} (h_n - t_n)"
    assert verify(claim, define=FEATURES, given=[r"u \in \mathbb{R}^{N \times 2}"]).verdict == "wrong"


@pytest.mark.parametrize(("right", "verdict"), [(r"-(K^{-1})_{ac}(K^{-1})_{db}", "proved"),
                                                (r"-(K^{-1})_{ab}(K^{-1})_{cd}", "wrong")])
def test_an_entry_of_an_inverse_differentiated_is_no_undefined_name(right: str, verdict: str) -> None:
    assert verify(r"\frac{\partial (K^{-1})_{ab}}{\partial K_{cd}} = " + right).verdict == verdict


@pytest.mark.parametrize(("claim", "verdict"), [
    (r"\frac{\partial g}{\partial v} = 3I", "proved"),
    (r"\frac{\partial g}{\partial v} = I", "wrong"),
    (r"\frac{\partial h}{\partial v} = \frac{1}{\|v\|^3}(\|v\|^2 I - v v^T)", "proved"),
])
def test_an_undeclared_identity_in_a_claim_takes_the_size_of_the_arrays(claim: str, verdict: str) -> None:
    define = [r"g = 3v", r"h = \frac{v}{\|v\|}"]
    assert verify(claim, define=define, given=[r"v \in \mathbb{R}^{k}"]).verdict == verdict


def test_an_identity_whose_size_nothing_gives_is_refused() -> None:
    v = verify(r"\frac{\partial g}{\partial v} = 3I", define=[r"g = 3v", r"s = \sum_i w_i"],
               given=[r"v \in \mathbb{R}^{k}", r"w \in \mathbb{R}^{m}"])
    assert v.verdict == "unreadable" and "size of the identity" in v.message


@pytest.mark.parametrize(("claim", "verdict"), [(r"(B + B^t)u", "proved"), (r"2B^{t}u", "wrong")])
def test_a_lowercase_t_over_a_matrix_that_names_nothing_is_its_transpose(claim: str, verdict: str) -> None:
    v = verify(r"\frac{\partial q}{\partial u} = " + claim, define=[r"q = u^T B u"])
    assert v.verdict == verdict and "^t read as the transpose" in str(v)


def test_a_t_that_is_a_name_is_no_transpose() -> None:
    v = verify(r"\frac{\partial q}{\partial u} = (B + B^t)u", define=[r"q = u^T B u + t"])
    assert "^t read as the transpose" not in str(v)


@pytest.mark.parametrize(("claim", "verdict"), [(r"dsoftplus(u) = u > 0 ? 1 : 0", "wrong"),
                                                (r"dlrelu(u) = u >= 0 ? 1 : 0.1", "agrees"),
                                                (r"dlrelu(u) = u >= 0 ? 0.1 : 1", "wrong")])
def test_codes_conditional_expression_is_cases(claim: str, verdict: str) -> None:
    define = [r"lrelu(u) = \max(0.1u, u)", r"softplus(u) = \log(1 + e^u)"]
    assert verify(claim, define=define).verdict == verdict


def test_a_question_mark_with_no_colon_is_no_conditional() -> None:
    assert verify(r"\frac{d}{du} |u| = \frac{u}{|u|} ?").verdict == "unreadable"


LSQ = [r"r \in \mathbb{R}^{m \times k}", r"v \in \mathbb{R}^{k}", r"t \in \mathbb{R}^{m}"]


@pytest.mark.parametrize(("claim", "verdict"), [(r"\nabla E_2(v) = 2r^T(rv - t)", "proved"),
                                                (r"\nabla E_2(v) = r^T(rv - t)", "wrong")])
def test_nabla_of_a_defined_name_by_the_variable_its_brackets_write(claim: str, verdict: str) -> None:
    assert verify(claim, define=[r"E_2({\mathbf{v}}) = \|rv - t\|^2"], given=LSQ).verdict == verdict


@pytest.mark.parametrize(("claim", "verdict"), [(r"D(\|u\|^2) = 2u^\top", "proved"), (r"D(\|u\|^2) = u^\top", "wrong")])
def test_d_of_an_expression_of_one_declared_variable_is_its_derivative(claim: str, verdict: str) -> None:
    assert verify(claim, given=[r"u \in \mathbb{R}^{k}"]).verdict == verdict


def test_d_of_an_expression_of_two_declared_names_says_no_variable() -> None:
    v = verify(r"D(u^T B u) = u^\top(B + B^\top)", given=[r"u \in \mathbb{R}^{k}", r"B \in \mathbb{R}^{k \times k}"])
    assert v.verdict == "unreadable"


@pytest.mark.parametrize(("claim", "verdict"), [(r"\map {D_u} {\tanh u} = \sech^2 u", "proved"),
                                                (r"D_{u}(\tanh u) = \csch^2 u", "wrong"),
                                                (r"\frac{d}{du} |u| = \sgn(u)", "proved"),
                                                (r"\frac{d}{du} \erf(u) = \frac{1}{\sqrt\pi} e^{-u^2}", "wrong")])
def test_proofwikis_map_d_with_its_variable_and_macros_of_known_functions(claim: str, verdict: str) -> None:
    assert verify(claim).verdict == verdict


GELU_CHAIN = r"G(u) = u\Phi(u) = u\cdot \frac{1}{2}\left[1 + \mathrm{erf}(u/\sqrt2)\right]"


@pytest.mark.parametrize(("claim", "verdict"), [
    (r"\frac{d}{du}G(u) = \frac{1}{2}\left[1 + \mathrm{erf}(u/\sqrt2)\right] + \frac{u}{\sqrt{2\pi}} e^{-u^2/2}",
     "proved"),
    (r"\frac{d}{du}G(u) = \frac{1}{2}\left[1 + \mathrm{erf}(u/\sqrt2)\right]", "wrong"),
])
def test_a_definition_chain_is_read_by_its_explicit_side_not_by_an_undefined_capital_greek_function(
        claim: str, verdict: str) -> None:
    v = verify(claim, define=[GELU_CHAIN])
    assert v.verdict == verdict and "defined by its side 2" in str(v)


@pytest.mark.parametrize(("claim", "verdict"), [("dP = dR @ Q.T", "proved"), ("dP = -dR @ Q.T", "wrong"),
                                                ("dQ = P.T @ dR", "proved")])
def test_codes_matrix_product_of_undeclared_capitals_makes_them_matrices(claim: str, verdict: str) -> None:
    v = verify(claim, define=["R = P @ Q"])
    assert v.verdict == verdict and "@ is the matrix product, so P and Q read as matrices" in str(v)


@pytest.mark.parametrize(("claim", "verdict"), [(r"\frac{\partial}{\partial u}\left< u, c \right> = c", "proved"),
                                                (r"\frac{\partial}{\partial u}\left< u, c \right> = 2c", "wrong")])
def test_angle_brackets_sized_by_left_and_right_are_the_inner_product(claim: str, verdict: str) -> None:
    assert verify(claim, given=[r"u \in \mathbb{R}^{k}", r"c \in \mathbb{R}^{k}"]).verdict == verdict


@pytest.mark.parametrize(("claim", "verdict"), [(r"\frac{q}{\partial u} = 3u^2", "proved"),
                                                (r"\frac{q}{\partial u} = u^2", "wrong")])
def test_a_fraction_over_partial_whose_numerator_lost_its_partial_is_the_derivative(claim: str, verdict: str) -> None:
    v = verify(claim, define=["q = u^3"])
    assert v.verdict == verdict and "its \\partial lost" in str(v)


@pytest.mark.parametrize(("claim", "verdict"), [(r"\delta q / \delta u = 3u^2", "proved"),
                                                (r"\delta q / \delta u = 3u", "wrong")])
def test_delta_over_delta_written_inline_is_the_derivative(claim: str, verdict: str) -> None:
    assert verify(claim, define=["q = u^3"]).verdict == verdict


@pytest.mark.parametrize(("claim", "verdict"), [(r"\nicefrac{d}{du} u^3 = 3u^2", "proved"),
                                                (r"\frac{d}{du} u^3 = \sfrac{3u^2}{2}", "wrong"),
                                                (r"\frac{\mathop{}\!\mathrm{d}}{\mathop{}\!\mathrm{d}u} u^3 = 3u^2",
                                                 "proved")])
def test_the_fraction_packages_and_the_spaced_upright_d(claim: str, verdict: str) -> None:
    assert verify(claim).verdict == verdict


@pytest.mark.parametrize(("claim", "verdict"), [(r"\frac{\partial g}{\partial v} = 3\mathbb{I}", "proved"),
                                                (r"\frac{\partial g}{\partial v} = 2\mathrm{Id}", "wrong")])
def test_blackboard_i_and_upright_id_are_the_identity(claim: str, verdict: str) -> None:
    assert verify(claim, define=["g = 3v"], given=[r"v \in \mathbb{R}^{k}"]).verdict == verdict


def test_upright_id_applied_is_no_identity() -> None:
    v = verify(r"\frac{\partial g}{\partial v} = 3\mathrm{Id}(v)", define=["g = 3v"], given=[r"v \in \mathbb{R}^{k}"])
    assert v.verdict == "unreadable" and "Id} is not a function" in v.message
