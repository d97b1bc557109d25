/* broadsheet-digest.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A 64-bit FNV-1a digest of a story's content, so a refresh can tell an
 * unchanged story from a changed one without walking both (see
 * broadsheet_story_get_digest()). Strings end with a byte that cannot occur
 * in UTF-8 text, and NULL digests differently from "".
 */

#define BROADSHEET_DIGEST_INIT G_GUINT64_CONSTANT (0xcbf29ce484222325)

static inline guint64
broadsheet_digest_bytes (guint64       digest,
                         gconstpointer data,
                         gsize         length)
{
  const guchar *p = data;

  for (gsize i = 0; i < length; i++)
    digest = (digest ^ p[i]) * G_GUINT64_CONSTANT (0x100000001b3);
  return digest;
}

static inline guint64
broadsheet_digest_string (guint64     digest,
                          const char *string)
{
  static const guchar end = 0xff, none = 0xfe;

  if (string == NULL)
    return broadsheet_digest_bytes (digest, &none, 1);
  for (const guchar *p = (const guchar *) string; *p != '\0'; p++)
    digest = (digest ^ *p) * G_GUINT64_CONSTANT (0x100000001b3);
  return broadsheet_digest_bytes (digest, &end, 1);
}

static inline guint64
broadsheet_digest_uint (guint64 digest,
                        guint64 value)
{
  return broadsheet_digest_bytes (digest, &value, sizeof value);
}

G_END_DECLS
