"""Run in a subprocess by test_incremental.py (MkDocs caches hook modules per process).

    python incremental_driver.py CONFIG LANG SITE EDITS.json

Builds one language with handbook.preview, applies each edit (file, old text, new text),
rebuilds after it as `handbook serve` does, keeps the pages it wrote, then builds the
language whole again, and prints, as JSON, each rebuild's touched pages in both versions.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from handbook.preview.site import Preview

config, lang, site, edits = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3]), json.loads(Path(sys.argv[4]).read_text())
preview = Preview(config, lang, site_dir=site)
preview.config.plugins.on_startup(command="serve", dirty=False)
preview.build_whole(reload_config=False)
docs = Path(preview.config.docs_dir)
results = []
for path, old, new in edits:
    target = docs / path
    text = target.read_text(encoding="utf-8")
    assert old in text, (path, old)
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    preview.rebuild({os.path.abspath(target)})
    files = preview.recorder.files
    written = {uri: Path(files.get_file_from_path(uri).abs_dest_path) for uri in preview.touched}
    result = {"whole": preview.whole, "touched": preview.touched, "pages": {uri: p.read_text(encoding="utf-8") for uri, p in written.items()}}
    preview.build_whole()
    result["full"] = {uri: p.read_text(encoding="utf-8") for uri, p in written.items()}
    results.append(result)
print(json.dumps(results))
