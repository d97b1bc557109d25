/* test-uri.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "broadsheet-uri.h"

/* Which links open and which pictures load. */

static void
test_web_links (void)
{
  g_assert_true (broadsheet_uri_is_web_link ("https://example.org/a", FALSE));
  g_assert_true (broadsheet_uri_is_web_link ("HTTP://example.org", FALSE));
  g_assert_false (broadsheet_uri_is_web_link ("mailto:a@example.org", FALSE));
  g_assert_true (broadsheet_uri_is_web_link ("mailto:a@example.org", TRUE));
  g_assert_false (broadsheet_uri_is_web_link ("javascript:alert(1)", TRUE));
  g_assert_false (broadsheet_uri_is_web_link ("file:///etc/passwd", TRUE));
  g_assert_false (broadsheet_uri_is_web_link ("https://", TRUE));
  g_assert_false (broadsheet_uri_is_web_link ("not a uri", TRUE));
  g_assert_false (broadsheet_uri_is_web_link (NULL, TRUE));
}

static void
test_resolve_link (void)
{
  g_autofree char *relative = broadsheet_uri_resolve_link ("https://example.org/feeds/a.json",
                                                           "../stories/1");
  g_autofree char *absolute = broadsheet_uri_resolve_link (NULL, "https://example.org/x");

  g_assert_cmpstr (relative, ==, "https://example.org/stories/1");
  g_assert_cmpstr (absolute, ==, "https://example.org/x");
  g_assert_null (broadsheet_uri_resolve_link ("file:///home/a/feed.json", "story.html"));
  g_assert_null (broadsheet_uri_resolve_link ("https://example.org/", "javascript:alert(1)"));
  g_assert_null (broadsheet_uri_resolve_link (NULL, "relative"));
  g_assert_null (broadsheet_uri_resolve_link ("https://example.org/", ""));
}

static void
test_resolve_media (void)
{
  g_autofree char *bundled = broadsheet_uri_resolve_media ("resource:///app/sample/stories.json",
                                                           "photos/a.jpg");
  g_autofree char *local = broadsheet_uri_resolve_media ("file:///home/a/feed.json", "a.jpg");
  g_autofree char *remote = broadsheet_uri_resolve_media ("https://example.org/f.json", "a.jpg");

  g_assert_cmpstr (bundled, ==, "resource:///app/sample/photos/a.jpg");
  g_assert_cmpstr (local, ==, "file:///home/a/a.jpg");
  g_assert_cmpstr (remote, ==, "https://example.org/a.jpg");
  /* A remote feed can never reach local files or the app's resources. */
  g_assert_null (broadsheet_uri_resolve_media ("https://example.org/f.json", "file:///etc/passwd"));
  g_assert_null (broadsheet_uri_resolve_media ("https://example.org/f.json", "resource:///app/x"));
  g_assert_null (broadsheet_uri_resolve_media ("file:///home/a/f.json", "resource:///app/x"));
  g_assert_null (broadsheet_uri_resolve_media ("https://example.org/f.json", "data:image/png;base64,"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/uri/web-links", test_web_links);
  g_test_add_func ("/uri/resolve-link", test_resolve_link);
  g_test_add_func ("/uri/resolve-media", test_resolve_media);

  return g_test_run ();
}
