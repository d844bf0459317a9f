"""Framework targets: symgrad's compiled losses and closed-form gradients for PyTorch, JAX and the array API.

Each target prints the NumPy target's lowered program (``symgrad.compile``) with its own printer
(``printers``) and checks arguments with the same pure-Python rules (``arguments``):
``torch.to_torch`` (a ``torch.autograd.Function``), ``jax.to_jax`` (a ``jax.custom_vjp``),
``array_api.to_array_api`` (value and gradients over the inputs' own namespace). Each has a
``module_source`` that writes the same code as a standalone module.
"""
