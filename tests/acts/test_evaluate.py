from selon.acts.evaluate import pairwise


def test_pairwise_precision_and_recall() -> None:
    truth = {"a": "1", "b": "1", "c": "1", "d": "2"}
    assert pairwise(truth, truth).precision == 1.0
    split = pairwise({"a": "x", "b": "x", "c": "y", "d": "z"}, truth)
    assert (split.precision, round(split.recall, 3)) == (1.0, 0.333)
    merged = pairwise({k: "x" for k in truth}, truth)
    assert (merged.precision, merged.recall) == (0.5, 1.0)
    # items only one side knows are not counted
    assert pairwise({"a": "x", "e": "x"}, truth).events == 1
