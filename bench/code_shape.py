"""The shape of the code, measured as the maintainability review measured it.

    .venv/bin/python bench/code_shape.py [--top 10]

Prints the longest functions, the page and API handlers over 15 lines, the functions taking
more than 6 parameters, the comparisons of kinds, statuses, modes and subjects with string
literals (Python and templates), and the cyclomatic complexity of the procedure subjects and
of the parser's placement. Needs radon (requirements-bench.txt).
"""

import argparse
import ast
import re
from pathlib import Path

from radon.complexity import cc_visit

ROOT = Path(__file__).resolve().parent.parent / "concord"
HANDLER_MODULES = ("views.py", "api.py")
LABELLED = {"kind", "status", "mode", "subject", "marker_kind", "state"}
TEMPLATE_COMPARISON = re.compile(
    r"\.(kind|status|mode|subject)\s*(==|!=|in|not in)\s*[\"']", re.IGNORECASE
)


def python_files():
    return sorted(
        path
        for path in ROOT.rglob("*.py")
        if "migrations" not in path.parts and "tests" not in path.parts
    )


def functions(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield node


def parameter_count(node):
    arguments = node.args
    names = [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]
    names = [a for a in names if a.arg not in ("self", "cls")]
    return len(names) + bool(arguments.vararg) + bool(arguments.kwarg)


def labelled(node):
    if isinstance(node, ast.Attribute):
        return node.attr in LABELLED
    return isinstance(node, ast.Name) and node.id in LABELLED


def literal(node):
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return True
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return bool(node.elts) and all(literal(e) for e in node.elts)
    return False


def string_comparisons(tree):
    count = 0
    for node in ast.walk(tree):
        if not isinstance(node, ast.Compare):
            continue
        sides = [node.left, *node.comparators]
        if any(labelled(s) for s in sides) and any(literal(s) for s in sides):
            count += 1
    return count


def complexity(paths):
    blocks = []
    for path in paths:
        for block in cc_visit(path.read_text()):
            # A class's figure sums its methods; count each function once.
            members = getattr(block, "methods", None)
            blocks += [(path, m) for m in members] if members is not None else [(path, block)]
    return blocks


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=10)
    options = parser.parse_args()

    lengths, long_handlers, many_parameters, comparisons = [], [], [], 0
    for path in python_files():
        tree = ast.parse(path.read_text())
        comparisons += string_comparisons(tree)
        where = path.relative_to(ROOT.parent)
        for node in functions(tree):
            lines = node.end_lineno - node.lineno + 1
            lengths.append((lines, f"{where}:{node.name}"))
            if path.name in HANDLER_MODULES and node.col_offset == 0 and lines > 15:
                long_handlers.append((lines, f"{where}:{node.name}"))
            if parameter_count(node) > 6:
                many_parameters.append((parameter_count(node), f"{where}:{node.name}"))

    templates = 0
    for path in ROOT.rglob("*.html"):
        templates += len(TEMPLATE_COMPARISON.findall(path.read_text()))

    print(f"longest functions (top {options.top}):")
    for lines, name in sorted(lengths, reverse=True)[: options.top]:
        print(f"  {lines:4d} lines  {name}")
    print(f"page and API handlers over 15 lines: {len(long_handlers)}")
    for lines, name in sorted(long_handlers, reverse=True)[: options.top]:
        print(f"  {lines:4d} lines  {name}")
    print(f"functions over 6 parameters: {len(many_parameters)}")
    for count, name in sorted(many_parameters, reverse=True)[: options.top]:
        print(f"  {count:4d} params {name}")
    print(
        f"kind/status/mode/subject compared with string literals: {comparisons} in Python, "
        f"{templates} in templates"
    )

    subjects = sorted((ROOT / "decisions").glob("subject*.py")) + sorted(
        (ROOT / "decisions").glob("subjects/*.py")
    )
    parsing = ROOT / "documents" / "parsing"
    placement = [
        parsing / f"{name}.py"
        for name in ("part_builder", "classify", "front", "items")
        if (parsing / f"{name}.py").exists()
    ]
    for label, paths in (
        ("procedure subjects", subjects),
        ("parser's placement", placement),
        ("whole parser", sorted(parsing.glob("*.py"))),
    ):
        blocks = complexity(paths)
        if not blocks:
            continue
        worst = max(blocks, key=lambda pair: pair[1].complexity)
        print(
            f"cyclomatic complexity, {label}: highest {worst[1].complexity} "
            f"({worst[0].name}:{worst[1].name}), total {sum(b.complexity for _, b in blocks)} "
            f"over {len(blocks)} blocks"
        )


if __name__ == "__main__":
    main()
