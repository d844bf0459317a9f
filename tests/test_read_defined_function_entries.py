"""A function defined of an array that acts entry by entry (``h_\\theta(x) = \\theta_0 + \\theta_1 x`` where x is the
vector of samples), applied to one entry (``h_\\theta(x^{(i)})``): the entry of h at that index, noted; the node at its own
index only where the argument is at that index (``h(x_2)`` is h_2, never h_i). A function head of a new name in a
definition's = chain (``\\rm{CostFunction} = \\rm{F}(\\theta_0, \\theta_1) = ...``, a Chinese blog's notes on Andrew Ng's
course, https://github.com/halfrost/Halfrost-Field) names the chain's last side too."""

from __future__ import annotations

from symgrad import verify
from symgrad.read import Context, parse_definition, parse_given


def test_an_entrywise_function_of_a_vector_at_one_entry_is_that_entry():
    ctx = Context()
    parse_given(r"x \in \mathbb{R}^{m}", ctx)
    parse_definition(r"h(x) = \theta + 2 x", ctx)
    assert str(parse_definition(r"G = h(x_2)", ctx).rhs) == "h[2]"
    assert str(parse_definition(r"K = \sum_{k=1}^{m} h(x^{(k)})", ctx).rhs.function) == "h[k]"
    assert any("acts entry by entry" in note for note in ctx.notes)


def test_a_function_head_in_a_definition_chain_names_the_last_side():
    ctx = Context()
    parse_definition(r"\rm{CostFunction} = \rm{F}({\theta_{0}},{\theta_{1}}) = \theta_0^2 \theta_1", ctx)
    assert ctx.definitions["F"].rhs == ctx.definitions["CostFunction"].rhs
    assert any("F defined by the chain's last side" in note for note in ctx.notes)


def test_the_cost_of_a_model_applied_to_each_sample_is_judged():
    define = [r"$$h_{\theta}(x) = \theta_{0} + \theta_{1}x$$",
              (r"\rm{CostFunction} = \rm{F}({\theta_{0}},{\theta_{1}}) = \frac{1}{2m}\sum_{i = 1}^{m} "
              r"(h_{\theta}(x^{(i)})-y^{(i)})^2")]
    given = [r"u = \theta_{0} + {\theta_{1}}x^{(i)}-y^{(i)}"]
    claim = (r"\frac{\partial }{\partial {\theta_{1}}}\rm{F}({\theta_{0}},{\theta_{1}}) = "
             r"\frac{1}{m} \sum_{i = 1}^{m}(h_{\theta}(x^{(i)}) - y^{(i)}) * x^{(i)}")
    assert verify(claim, define=define, given=given).verdict == "proved"
    assert verify(claim.replace(" * x^{(i)}", ""), define=define, given=given).verdict == "wrong"
