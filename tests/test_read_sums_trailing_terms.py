"""A term after a sum's body that writes the sum's own index is in the sum: ``\\sum_{i=1}^n -\\frac12 \\ln(2\\pi\\sigma^2)
- \\frac{(x_i - \\mu)^2}{2\\sigma^2}`` (the Gaussian log-likelihood as math.stackexchange 2118535 and lecture notes write
it, without brackets) is one sum over i, noted; a term that does not write the index (``+ b_j``) stays outside."""

from __future__ import annotations

from symgrad.verify import verify

LOG_LIKELIHOOD = r"\ell = \sum_{i=1}^n -\frac12 \ln(2\pi\sigma^2) - \frac{(x_i - \mu)^2}{2\sigma^2}"


def test_the_gaussian_log_likelihood_written_without_brackets_has_the_mean_gradient_of_the_whole_sum():
    v = verify(r"\frac{\partial \ell}{\partial \mu} = \sum_{i=1}^n \frac{x_i - \mu}{\sigma^2}", define=[LOG_LIKELIHOOD])
    assert v.verdict == "proved", v.message
    assert "read inside the sum" in v.message
    assert verify(r"\frac{\partial \ell}{\partial \sigma} = -\frac{n}{\sigma} + \sum_{i=1}^n \frac{(x_i - \mu)^2}"
                  r"{\sigma^3}", define=[LOG_LIKELIHOOD]).verdict in ("proved", "agrees")


def test_a_sign_slip_in_the_mean_gradient_is_wrong():
    v = verify(r"\frac{\partial \ell}{\partial \mu} = \sum_{i=1}^n \frac{\mu - x_i}{\sigma^2}", define=[LOG_LIKELIHOOD])
    assert v.verdict == "wrong", v.message


def test_an_expanded_square_summed_term_by_term_is_the_sum_of_squares():
    v = verify(r"\frac{\partial L}{\partial w} = \sum_{i=1}^n 2(w x_i - y_i)x_i",
               define=[r"L = \sum_{i=1}^n w^2 x_i^2 - 2 w x_i y_i + y_i^2"])
    assert v.verdict == "proved", v.message


def test_a_bias_after_a_sum_over_another_index_stays_outside_it():
    definition = r"z_j = \sum_i w_{ji} x_i + b_j"
    assert verify(r"\frac{\partial z_j}{\partial b_j} = 1", define=[definition]).verdict == "proved"
    assert verify(r"\frac{\partial z_j}{\partial b_j} = 2", define=[definition]).verdict == "wrong"
