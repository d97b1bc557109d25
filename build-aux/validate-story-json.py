#!/usr/bin/env python3
"""Validates the bundled sample feed and the complete examples in docs/story-json.md against
data/story-json.schema.json, so the format's documentation, schema and sample agree.

Usage: validate-story-json.py SOURCE_ROOT. Exits 77 (skipped) without python3-jsonschema."""
import json
import re
import sys
from pathlib import Path

try:
    import jsonschema
except ImportError:
    print("python3-jsonschema is not installed")
    sys.exit(77)

root = Path(sys.argv[1])
schema = json.loads((root / "data/story-json.schema.json").read_text(encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)

documents = {
    "data/sample/stories.json": json.loads((root / "data/sample/stories.json").read_text(encoding="utf-8")),
}
doc = (root / "docs/story-json.md").read_text(encoding="utf-8")
for index, block in enumerate(re.findall(r"```json\n(.*?)```", doc, re.S)):
    value = json.loads(block)
    if isinstance(value, dict) and value.get("format") == "broadsheet-story-json":
        documents[f"docs/story-json.md, example {index + 1}"] = value

failures = 0
for name, value in documents.items():
    errors = list(validator.iter_errors(value))
    for error in errors:
        print(f"{name}: {'/'.join(map(str, error.absolute_path))}: {error.message}")
    failures += len(errors)
    print(f"{name}: {'valid' if not errors else 'INVALID'}")

sys.exit(1 if failures else 0)
