/* test-search.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "broadsheet-search.h"

/* Folding for search, matches mapped back onto the original text, and what
 * of a story is searched.
 */

static void
assert_folds_to (const char *text,
                 const char *expected)
{
  g_autofree char *folded = broadsheet_search_fold (text, -1, NULL);

  g_assert_cmpstr (folded, ==, expected);
}

static void
test_fold (void)
{
  assert_folds_to ("Café CRÈME brûlée", "cafe creme brulee");
  assert_folds_to ("Straße", "strasse");
  assert_folds_to ("ﬁsh", "fish");                       /* ligature */
  assert_folds_to ("ΟΔΟΣ οδός", "οδοσ οδοσ");            /* final sigma, tonos */
  assert_folds_to ("مَخْبَز", "مخبز");                     /* Arabic vowel marks */
  assert_folds_to ("smørrebrød", "smørrebrød");          /* ø is a letter, not o + mark */
  assert_folds_to ("", "");
}

static void
test_find_maps_back (void)
{
  const char *text = "Crème brûlée and CRÈME fraîche";
  g_autofree char *query = broadsheet_search_fold ("creme", -1, NULL);
  g_autoptr(GArray) matches = broadsheet_search_find (text, query);
  BroadsheetSearchMatch *first, *second;

  g_assert_cmpuint (matches->len, ==, 2);
  first = &g_array_index (matches, BroadsheetSearchMatch, 0);
  second = &g_array_index (matches, BroadsheetSearchMatch, 1);
  /* Byte ranges of the original text, whole characters included. */
  g_assert_cmpint (strncmp (text + first->start, "Crème", first->end - first->start), ==, 0);
  g_assert_cmpuint (first->end - first->start, ==, strlen ("Crème"));
  g_assert_cmpint (strncmp (text + second->start, "CRÈME", second->end - second->start), ==, 0);
  g_assert_cmpuint (second->end - second->start, ==, strlen ("CRÈME"));
}

static void
test_find_edge_cases (void)
{
  g_autoptr(GArray) none = broadsheet_search_find ("anything", "");
  g_autoptr(GArray) nothing = broadsheet_search_find ("", "a");
  g_autoptr(GArray) sharp = NULL;
  g_autoptr(GArray) overlapping = broadsheet_search_find ("aaaa", "aa");
  const char *street = "Große Straße";

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (nothing->len, ==, 0);

  /* "ss" found inside "ß" covers the whole character. */
  sharp = broadsheet_search_find (street, "ss");
  g_assert_cmpuint (sharp->len, ==, 2);
  g_assert_cmpuint (g_array_index (sharp, BroadsheetSearchMatch, 0).start, ==, strlen ("Gro"));
  g_assert_cmpuint (g_array_index (sharp, BroadsheetSearchMatch, 0).end, ==, strlen ("Groß"));

  /* Matches never overlap. */
  g_assert_cmpuint (overlapping->len, ==, 2);
}

static BroadsheetStory *
story_with_body (const char *body)
{
  BroadsheetStory *story = g_object_new (BROADSHEET_TYPE_STORY,
                                         "id", "s1",
                                         "headline", "Ferry returns",
                                         "kicker", "Transport",
                                         "summary", "The night crossing is back",
                                         NULL);
  g_autoptr(BroadsheetBlock) block = broadsheet_block_new (BROADSHEET_BLOCK_PARAGRAPH);
  g_autoptr(BroadsheetRichText) text = broadsheet_rich_text_new (body);

  broadsheet_block_set_label (block, "Why it matters:");
  broadsheet_block_set_text (block, text);
  broadsheet_story_add_block (story, block);
  return story;
}

static void
test_story_matches (void)
{
  g_autoptr(BroadsheetStory) story = story_with_body ("Islanders can get home after the Théâtre closes.");

  g_assert_true (broadsheet_story_matches (story, NULL));
  g_assert_true (broadsheet_story_matches (story, ""));
  g_assert_true (broadsheet_story_matches (story, "ferry"));
  g_assert_true (broadsheet_story_matches (story, "transport"));
  g_assert_true (broadsheet_story_matches (story, "night crossing"));
  g_assert_true (broadsheet_story_matches (story, "theatre"));
  g_assert_true (broadsheet_story_matches (story, "why it matters"));
  g_assert_false (broadsheet_story_matches (story, "bus"));
  /* Worked out once, then kept. */
  g_assert_true (broadsheet_story_get_search_text (story) == broadsheet_story_get_search_text (story));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/fold", test_fold);
  g_test_add_func ("/search/find-maps-back", test_find_maps_back);
  g_test_add_func ("/search/find-edge-cases", test_find_edge_cases);
  g_test_add_func ("/search/story-matches", test_story_matches);

  return g_test_run ();
}
