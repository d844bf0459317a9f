"""``--of`` written as a loss's derivative method called at a target and a prediction (``loss_gradient(self, y,
yhat)``): the derivative of the page's one loss by the prediction, noted; other arguments are left to the reader."""

from symgrad import verify
from symgrad.read.claims import parse_definition
from symgrad.read.code_heads import derivative_named_in_code
from symgrad.read.context import Context

DEFINE = ["L = np.mean((y - yhat)**2 / 2)"]


def test_the_method_names_the_derivative_by_its_prediction():
    ctx = Context()
    parse_definition(r"L = (y - y_{pred})^2", ctx)
    assert derivative_named_in_code("gradient(self, y_true, y_pred)", ctx) == r"\frac{\partial L}{\partial y_{pred}}"
    assert derivative_named_in_code("loss_gradient(self, y, x_1)", ctx) is None  # x_1 is no prediction


def test_loss_gradient_judges_right_and_wrong():
    right = verify("(yhat - y) / np.size(y)", of="loss_gradient(self, y, yhat)", define=DEFINE)
    assert right.verdict in ("proved", "agrees") and "by its prediction" in right.message
    assert verify("np.mean(yhat - y)", of="loss_gradient(self, y, yhat)", define=DEFINE).verdict == "wrong"


def test_the_prediction_is_spelled_as_code_reads_it():
    ctx = Context()
    parse_definition("L = -np.mean(y_true * np.log(y_pred))", ctx)  # code: y_pred is the upright name ypred
    assert derivative_named_in_code("loss_derivative(self,y_true,y_pred)", ctx) == \
        r"\frac{\partial L}{\partial \mathrm{ypred}}"
