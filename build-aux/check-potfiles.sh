#!/bin/sh
# Checks that po/POTFILES.in lists exactly the sources with translatable strings, sorted,
# so that no user-visible string is left out of translation. Usage: check-potfiles.sh SOURCE_ROOT
set -eu
cd "$1"

listed=$(grep -v '^#' po/POTFILES.in | grep -v '^$')
found=$( (grep -lE '(^|[^A-Za-z_])(_|N_|ngettext|C_) \(' src/*.c
          grep -lE 'translatable="yes"' src/*.ui src/gtk/*.ui
          ls data/*.desktop.in data/*.metainfo.xml.in data/*.gschema.xml) | LC_ALL=C sort -u)

status=0
if [ "$listed" != "$(printf '%s\n' "$listed" | LC_ALL=C sort)" ]; then
  echo "po/POTFILES.in is not sorted"
  status=1
fi
sorted_list=$(mktemp)
trap 'rm -f "$sorted_list"' EXIT
printf '%s\n' "$listed" | LC_ALL=C sort > "$sorted_list"
missing=$(printf '%s\n' "$found" | LC_ALL=C comm -23 - "$sorted_list")
extra=$(printf '%s\n' "$listed" | while read -r f; do [ -e "$f" ] || echo "$f"; done)
[ -z "$missing" ] || { echo "translatable strings in files missing from po/POTFILES.in:"; echo "$missing"; status=1; }
[ -z "$extra" ] || { echo "po/POTFILES.in lists files that do not exist:"; echo "$extra"; status=1; }
exit $status
