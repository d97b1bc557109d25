/* broadsheet-uri.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include "broadsheet-uri.h"

/* The rules for which addresses a feed may point at. Links open in the web
 * browser, so only http and https (and mailto inside text) are allowed.
 * Pictures may also come from the feed's own place when that place is local
 * (a file or the app's resources), so a remote feed can never make us read
 * local files.
 */

static gboolean
scheme_is (const char *scheme,
           const char *expected)
{
  return scheme != NULL && g_ascii_strcasecmp (scheme, expected) == 0;
}

gboolean
broadsheet_uri_is_web_link (const char *uri,
                            gboolean    allow_mailto)
{
  g_autoptr(GUri) parsed = NULL;
  const char *scheme;

  if (uri == NULL)
    return FALSE;

  parsed = g_uri_parse (uri, G_URI_FLAGS_ENCODED, NULL);
  if (parsed == NULL)
    return FALSE;

  scheme = g_uri_get_scheme (parsed);
  if (scheme_is (scheme, "http") || scheme_is (scheme, "https"))
    return g_uri_get_host (parsed) != NULL && *g_uri_get_host (parsed) != '\0';

  return allow_mailto && scheme_is (scheme, "mailto");
}

static char *
resolve (const char *base_uri,
         const char *reference)
{
  g_autoptr(GUri) base = NULL;
  g_autoptr(GUri) resolved = NULL;

  if (reference == NULL || *reference == '\0')
    return NULL;

  if (base_uri == NULL)
    return g_uri_is_valid (reference, G_URI_FLAGS_ENCODED, NULL) ? g_strdup (reference) : NULL;

  base = g_uri_parse (base_uri, G_URI_FLAGS_ENCODED, NULL);
  if (base == NULL)
    return NULL;

  resolved = g_uri_parse_relative (base, reference, G_URI_FLAGS_ENCODED, NULL);
  if (resolved == NULL)
    return NULL;

  return g_uri_to_string (resolved);
}

/* Resolves @reference against @base_uri and returns it only if it is a link
 * the user may open: http or https.
 */
char *
broadsheet_uri_resolve_link (const char *base_uri,
                             const char *reference)
{
  g_autofree char *resolved = resolve (base_uri, reference);

  if (!broadsheet_uri_is_web_link (resolved, FALSE))
    return NULL;

  return g_steal_pointer (&resolved);
}

/* Resolves a picture's address: http and https anywhere, and file or
 * resource addresses only when the feed itself has that scheme.
 */
char *
broadsheet_uri_resolve_media (const char *base_uri,
                              const char *reference)
{
  g_autofree char *resolved = resolve (base_uri, reference);
  g_autofree char *scheme = NULL;
  g_autofree char *base_scheme = NULL;

  if (resolved == NULL)
    return NULL;

  if (broadsheet_uri_is_web_link (resolved, FALSE))
    return g_steal_pointer (&resolved);

  scheme = g_uri_parse_scheme (resolved);
  base_scheme = base_uri != NULL ? g_uri_parse_scheme (base_uri) : NULL;
  if ((scheme_is (scheme, "file") || scheme_is (scheme, "resource")) &&
      scheme_is (base_scheme, scheme))
    return g_steal_pointer (&resolved);

  return NULL;
}
