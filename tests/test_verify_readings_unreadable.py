"""Where one reading of a construct judges and another cannot be read, the input stays refused, and the message says
what each reading gives, with what stopped the one that cannot be read (verify.readings)."""

from __future__ import annotations

import symgrad


def test_a_reading_that_cannot_be_read_is_named_with_what_stopped_it():
    # ln(1 + ex): read as e times x the claim is wrong; read as e^x the claim's own e-x has two readings again
    v = symgrad.verify(r"\frac{df}{dx} = \frac{1}{1 + e-x}", define=[r"f = \ln(1+ex)"])
    assert v.verdict == "unreadable", v.message
    assert "different verdicts (e times x: wrong, e^x: unreadable (e-x written together has two readings" in v.message
