"""Definitions as pages write them, and the sum whose body the page closed itself."""

from __future__ import annotations

from symgrad.verify import verify

PLAIN_SOFTMAX = "p_j = exp(o_j) / Sum_k(exp(o_k))"


def test_a_term_after_a_bracketed_plain_sum_stays_outside_it():
    # Sum_k(exp(o_k)) closes its own body: the product-rule term after it is not read into the sum
    right = "d_i(p_j) = d_i(exp(o_j)) / Sum_k(exp(o_k)) + exp(o_j) * d_i(1/Sum_k(exp(o_k)))"
    v = verify(right, define=[PLAIN_SOFTMAX])
    assert v.verdict == "proved", v.message
    assert "read inside the sum" not in v.message
    slip = "d_i(p_j) = d_i(exp(o_j)) / Sum_k(exp(o_k)) - exp(o_j) * d_i(1/Sum_k(exp(o_k)))"
    assert verify(slip, define=[PLAIN_SOFTMAX]).verdict == "wrong"


def test_a_bracketed_latex_sum_body_keeps_the_next_term_outside():
    definition = r"L = \sum_{i=1}^{n} \left( w x_i \right) + x_i"
    v = verify(r"\frac{\partial L}{\partial w} = \sum_{i=1}^{n} x_i", define=[definition])
    assert v.verdict == "unreadable" and "index i is free on the right" in v.message, v.message


def test_forum_and_wiki_markup_around_a_definition_only_marks_the_mathematics():
    for define in (r"[tex]y = \frac{1}{1 + e^{-x}}[/tex]", r"<math>y = \frac{1}{1 + e^{-x}}</math>",
                   r"```y = 1/(1 + exp(-x))```"):
        v = verify(r"\frac{dy}{dx} = y(1 - y)", define=[define])
        assert v.verdict == "proved", (define, v.message)
        assert "markup" in v.message
        assert verify(r"\frac{dy}{dx} = y(1 + y)", define=[define]).verdict == "wrong"


def test_a_sentence_around_a_tex_tagged_claim_is_the_formula():
    v = verify(r'So by the chain rule, [tex]\frac{dy}{dx} = e^{-x}/(1 + e^{-x})^2[/tex].',
               define=[r"[tex]y = \frac{1}{1 + e^{-x}}[/tex]"])
    assert v.verdict == "proved", v.message


def test_a_wiki_formula_that_failed_to_render_is_read_from_its_displaystyle_source():
    failed = ('Failed to parse (SVG (MathML can be enabled via browser plugin): Invalid response ("Math extension '
              'cannot connect to Restbase.") from server "https://wikimedia.org/api/rest_v1/":): ')
    v = verify(failed + r"{\displaystyle \frac{\partial s}{\partial u} = 2u}", define=[failed + r"{\displaystyle s = u^2 + u}"])
    assert v.verdict == "wrong", v.message
    assert verify(r"\frac{\partial s}{\partial u} = 2u + 1", define=[failed + r"{\displaystyle s = u^2 + u}"]).verdict \
        == "proved"


MSE_CODE = "def mse(y_true, y_pred):\n    return np.mean(np.power(y_true - y_pred, 2))"


def test_a_mean_of_a_loss_of_targets_and_predictions_makes_both_vectors():
    v = verify(r"\frac{\partial L}{\partial \hat y} = \frac{2}{N}(\hat y - y)", define=[r"L = mean((y - \hat y)^2)"])
    assert v.verdict == "proved", v.message
    assert "read as vectors of one length" in v.message
    assert verify(r"\frac{\partial L}{\partial \hat y} = 2(\hat y - y)", define=[r"L = mean((y - \hat y)^2)"]).verdict \
        == "wrong"


def test_a_mean_of_a_weight_and_data_has_several_readings_and_is_refused():
    v = verify(r"\frac{\partial L}{\partial w} = 2w", define=[r"L = mean((w x)^2)"])
    assert v.verdict == "unreadable" and "which of w, x are vectors has several readings" in v.message, v.message


def test_a_loss_prime_of_target_and_prediction_is_its_derivative_by_the_prediction():
    right = "def mse_prime(y_true, y_pred):\n    return 2 * (y_pred - y_true) / np.size(y_true)"
    v = verify(right, define=[MSE_CODE])
    assert v.verdict in ("proved", "agrees"), v.message
    assert "by y_pred" in v.message
    dropped = "def mse_prime(y_true, y_pred):\n    return 2 * (y_pred - y_true)"
    assert verify(dropped, define=[MSE_CODE]).verdict == "wrong"


def test_a_prime_on_an_array_names_only_what_the_page_wrote():
    v = verify(r"\frac{\partial E}{\partial u} = 1", define=[r"E = -\log(\sigma((v_{w_{O}} u)'))"])
    assert v.verdict == "unreadable" and "depends on u, v (each entry" in v.message, v.message
    assert "_size" not in v.message


def test_a_clip_guarding_a_logarithm_reads_as_the_probability_it_guards():
    bce = ("def bce(y_true, y_pred):\n    eps = 1e-15\n    y_pred = np.clip(y_pred, eps, 1 - eps)\n"
           "    return -np.mean(y_true * np.log(y_pred) + (1 - y_true) * np.log(1 - y_pred))")
    grad = r"\frac{\partial}{\partial \mathrm{ypred}} bce(\mathrm{ytrue}, \mathrm{ypred})"
    right = verify(grad + r" = \frac{1}{N}\left(\frac{1 - \mathrm{ytrue}}{1 - \mathrm{ypred}} - "
                   r"\frac{\mathrm{ytrue}}{\mathrm{ypred}}\right)", define=[bce])
    assert right.verdict in ("proved", "agrees"), right.message
    assert "np.clip(p, eps, 1 - eps)" in right.message
    dropped = verify(grad + r" = \frac{1 - \mathrm{ytrue}}{1 - \mathrm{ypred}} - \frac{\mathrm{ytrue}}{\mathrm{ypred}}",
                     define=[bce])
    assert dropped.verdict == "wrong", dropped.message


def test_a_function_named_with_underscores_is_read_whole_where_it_is_applied():
    definition = [r"mse_loss(y, p) = (y - p)^2"]
    assert verify(r"\frac{\partial}{\partial p} mse_loss(y, p) = 2(p - y)", define=definition).verdict == "proved"
    assert verify(r"\frac{\partial}{\partial p} mse_loss(y, p) = 2(y - p)", define=definition).verdict == "wrong"


def test_plain_text_letters_glued_to_their_indices_read_as_indexed_names():
    log_softmax = ["yi = log( exp(xi) / sum_j(exp(xj)) )"]
    v = verify(r"\frac{\partial y_i}{\partial x_k} = \delta_{ik} - \exp(x_k) / \sum_j \exp(x_j)", define=log_softmax)
    assert v.verdict == "proved", v.message
    assert "read as the indexed name x_i" in v.message
    diagonal_only = r"\frac{\partial y_i}{\partial x_k} = 1 - \exp(x_k) / \sum_j \exp(x_j)"
    assert verify(diagonal_only, define=log_softmax).verdict == "wrong"


def test_a_lone_xi_with_no_indexed_letter_beside_it_is_not_read_as_an_index():
    v = verify(r"\frac{\partial y}{\partial x} = 2x", define=["y = xi^2 + 1"])
    assert v.verdict == "unreadable" and "indexed name" not in v.message, v.message


def test_a_subscript_of_hyphenated_words_is_a_label_not_index_arithmetic():
    definition = [r"J_{neg-sample} = v^2"]
    assert verify(r"\frac{\partial J_{neg-sample}}{\partial v} = 2v", define=definition).verdict == "proved"
    assert verify(r"\frac{\partial J_{neg-sample}}{\partial v} = 3v", define=definition).verdict == "wrong"
    refused = verify(r"\frac{\partial E}{\partial a_k} = 1", define=[r"E = a_{k-1}"])
    assert refused.verdict == "unreadable" and "index arithmetic" in refused.message


LAYERS = ["z_l = w_l a_{l-1} + b_l", r"a_l = \sigma(z_l)"]


def test_layer_numbers_written_as_subscripts_with_arithmetic_are_layer_labels():
    v = verify(r"\frac{\partial a_l}{\partial a_{l-1}} = \sigma'(z_l) w_l", define=LAYERS)
    assert v.verdict == "proved", v.message
    assert "read as layer labels" in v.message
    assert verify(r"\frac{\partial a_l}{\partial a_{l-1}} = \sigma'(z_l)", define=LAYERS).verdict == "wrong"


def test_a_subscript_with_arithmetic_on_a_summed_letter_stays_refused():
    v = verify(r"\frac{\partial E}{\partial a_k} = 1", define=[r"E = \sum_l a_{l-1}"])
    assert v.verdict == "unreadable" and "index arithmetic" in v.message, v.message


def test_a_capital_sigma_with_one_index_before_a_term_written_with_it_is_a_sum_sign():
    definition = [r"L = \log \Sigma_k e^{z_k}"]
    v = verify(r"\frac{\partial L}{\partial z_j} = \frac{e^{z_j}}{\Sigma_k e^{z_k}}", define=definition)
    assert v.verdict == "proved", v.message
    assert r"\Sigma_k before a term indexed by k" in v.message
    assert verify(r"\frac{\partial L}{\partial z_j} = e^{z_j}", define=definition).verdict == "wrong"
    covariance_like = verify(r"\frac{\partial L}{\partial x} = 1", define=[r"L = \Sigma_k x_k^2"])
    assert "read as a sum sign" not in covariance_like.message


def _proved_noted_and_slip_wrong(definition: list[str], right: str, slip: str, note: str) -> None:
    """``right`` is proved with ``note`` among the readings, ``slip`` judged wrong, both under ``definition``."""
    v = verify(right, define=definition)
    assert v.verdict == "proved", v.message
    assert note in v.message
    assert verify(slip, define=definition).verdict == "wrong"


def test_a_sum_whose_body_writes_only_another_index_sums_over_that_index():
    _proved_noted_and_slip_wrong([r"L = \frac{1}{2N} \sum_{i=1}^{N} (y_n - w x_n)^2"],
                                 r"\frac{\partial L}{\partial w} = -\frac{1}{N}\sum_{n=1}^N (y_n - w x_n) x_n",
                                 r"\frac{\partial L}{\partial w} = \frac{1}{N}\sum_{n=1}^N (y_n - w x_n) x_n",
                                 "read as the sum over n (i written for it)")


def test_a_matlab_prime_on_undeclared_arrays_reads_them_as_the_conventions_arrays_and_as_declared():
    # the derivative needs one variable, so ' is the transpose, of the arrays the convention makes X, w, y (as for ^T):
    # -2X(y - Xw) cannot be formed for X n x d (read.primes, verify.transposed_arrays)
    shaped = verify(r"\frac{\partial L}{\partial w} = -2X(y - Xw)", define=["L = (y-Xw)'(y-Xw)"])
    assert shaped.verdict == "wrong" and "read as arrays, the usual convention" in shaped.message, shaped.message
    shapes = [r"X \in \mathbb{R}^{n \times d}", r"w \in \mathbb{R}^{d}", r"y \in \mathbb{R}^{n}"]
    assert verify(r"\frac{\partial L}{\partial w} = -2X^T(y - Xw)", define=["L = (y-Xw)'(y-Xw)"],
                  given=shapes).verdict in ("proved", "agrees")
    assert verify(r"\frac{\partial L}{\partial w} = 2X^T(y - Xw)", define=["L = (y-Xw)'(y-Xw)"],
                  given=shapes).verdict == "wrong"


def test_latex_letters_glued_to_the_index_their_sum_binds_are_indexed_names():
    definition = [r"L = \sum\limits_{i = 1}^{m} w x_i + bi"]
    v = verify(r"\frac{\partial L}{\partial b_k} = 1", define=definition)
    assert v.verdict == "proved", v.message
    assert verify(r"\frac{\partial L}{\partial b_k} = m", define=definition).verdict == "wrong"


def test_bare_sample_superscripts_on_x_and_y_under_their_sum_are_the_samples():
    _proved_noted_and_slip_wrong([r"J = \frac{1}{2m}\sum_{i=1}^{m} (w x^{i} - y^{i})^2"],
                                 r"\frac{\partial J}{\partial w} = \frac{1}{m}\sum_{i=1}^{m} (w x^{(i)} - y^{(i)}) x^{(i)}",
                                 r"\frac{\partial J}{\partial w} = \sum_{i=1}^{m} (w x^{(i)} - y^{(i)}) x^{(i)}",
                                 "read as the sample ^{(i)}")


def test_one_name_with_a_summed_superscript_keeps_both_readings_refused():
    v = verify(r"\frac{\partial f}{\partial x} = \sum_k k c_k x^{k-1}", define=[r"f = \sum_k c_k x^k"])
    assert v.verdict == "unreadable" and "has two readings: the power, or the sample" in v.message, v.message


def test_a_prime_on_a_name_whose_derivative_needs_several_variables_is_a_name_of_its_own():
    definition = [r"y = \sum_{i=1}^N w_i x_i", r"E = \frac{1}{2}(y' - y)^2"]
    v = verify(r"\frac{\partial E}{\partial w_i} = -(y' - y) x_i", define=definition)
    assert v.verdict == "proved", v.message
    assert "y' read as a name of its own" in v.message
    assert verify(r"\frac{\partial E}{\partial w_i} = (y' - y) x_i", define=definition).verdict == "wrong"


def test_a_remark_in_words_in_brackets_after_a_definition_is_dropped():
    shapes = [r"W \in \mathbb{R}^{m \times n}", r"x \in \mathbb{R}^{n}", r"y \in \mathbb{R}^{m}"]
    definition = ["Let r = Wx - y (the residual).", r"L = \|r\|^2"]
    v = verify(r"\frac{\partial L}{\partial W} = 2 r x^T", define=definition, given=shapes)
    assert v.verdict == "proved", v.message
    assert "(the residual) after the formula read as a remark" in v.message
    assert verify(r"\frac{\partial L}{\partial W} = -2 r x^T", define=definition, given=shapes).verdict == "wrong"


def test_a_capital_l_subscript_alone_is_the_last_layer_unless_the_name_takes_other_indices():
    last = ["C = (a_L - y)^2", "z_L = w_L a_{L-1}", r"a_L = \sigma(z_L)"]
    v = verify(r"\frac{\partial C}{\partial w_L} = a_{L-1} \sigma'(z_L) 2(a_L - y)", define=last)
    assert v.verdict == "proved", v.message
    assert verify(r"\frac{\partial C}{\partial w_L} = a_{L-1} \sigma'(z_L) (a_L - y)", define=last).verdict == "wrong"
    elements = verify(r"\frac{\partial y}{\partial x_j} = 1", define=[r"y = x_1 + x_2 + \dots + x_L"])
    assert elements.verdict == "proved" and "layer" not in elements.message, elements.message
