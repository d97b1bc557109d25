#!/bin/sh
# Installs the build into a scratch DESTDIR and checks that every desktop file lands where
# desktops look for it and that the installed binary runs. Usage: check-install.sh BUILD_DIR PREFIX
set -eu

build=$1
prefix=$2
destdir=$(mktemp -d)
trap 'rm -rf "$destdir"' EXIT

meson install -C "$build" --no-rebuild --quiet --destdir "$destdir" >/dev/null
root=$destdir$prefix

for f in \
  bin/broadsheet \
  share/applications/app.broadsheet.Broadsheet.desktop \
  share/metainfo/app.broadsheet.Broadsheet.metainfo.xml \
  share/glib-2.0/schemas/app.broadsheet.Broadsheet.gschema.xml \
  share/dbus-1/services/app.broadsheet.Broadsheet.service \
  share/icons/hicolor/scalable/apps/app.broadsheet.Broadsheet.svg \
  share/icons/hicolor/symbolic/apps/app.broadsheet.Broadsheet-symbolic.svg
do
  [ -e "$root/$f" ] || { echo "not installed: $prefix/$f"; exit 1; }
done

grep -qx "Exec=$prefix/bin/broadsheet --gapplication-service" \
  "$root/share/dbus-1/services/app.broadsheet.Broadsheet.service" \
  || { echo "the D-Bus service does not start the installed binary"; exit 1; }

glib-compile-schemas --strict --targetdir="$destdir" "$root/share/glib-2.0/schemas"
version=$(GSETTINGS_SCHEMA_DIR="$destdir" "$root/bin/broadsheet" --version)
echo "installed binary says: $version"
case $version in
  "broadsheet "*) ;;
  *) echo "the installed binary did not run"; exit 1 ;;
esac
