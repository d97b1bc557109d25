/* test-paced-list-model.c: a big insertion reaches the list a few rows at a
 * time, the signals always describe the model, and the kept item is never
 * held back.
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "broadsheet-paced-list-model.h"

/* The model under test, and a copy kept only from its items-changed
 * signals: if the signals are right, the two always match.
 */
typedef struct
{
  GListStore               *upstream;
  BroadsheetPacedListModel *paced;
  GPtrArray                *mirror;
  guint                     n_signals;
} Fixture;

static void
mirror_cb (GListModel *model,
           guint       position,
           guint       removed,
           guint       added,
           Fixture    *fixture)
{
  g_assert_cmpuint (position + removed, <=, fixture->mirror->len);
  g_ptr_array_remove_range (fixture->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (fixture->mirror, position + i, g_list_model_get_item (model, position + i));
  fixture->n_signals++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->upstream = g_list_store_new (G_TYPE_OBJECT);
  fixture->paced = broadsheet_paced_list_model_new (G_LIST_MODEL (g_object_ref (fixture->upstream)));
  fixture->mirror = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect (fixture->paced, "items-changed", G_CALLBACK (mirror_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_object_unref (fixture->paced);
  g_object_unref (fixture->upstream);
  g_ptr_array_unref (fixture->mirror);
}

static GPtrArray *
new_items (guint n)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_object_new (G_TYPE_OBJECT, NULL));
  return items;
}

static void
splice (Fixture *fixture,
        guint    position,
        guint    removed,
        guint    added)
{
  g_autoptr(GPtrArray) items = new_items (added);

  g_list_store_splice (fixture->upstream, position, removed, items->pdata, added);
}

/* The paced model holds the upstream items in order, less the hidden ones,
 * and the mirror agrees with it item for item.
 */
static void
assert_consistent (Fixture *fixture)
{
  GListModel *paced = G_LIST_MODEL (fixture->paced);
  GListModel *upstream = G_LIST_MODEL (fixture->upstream);
  guint n = g_list_model_get_n_items (paced);
  guint u = 0;

  g_assert_cmpuint (n + broadsheet_paced_list_model_get_n_hidden (fixture->paced), ==,
                    g_list_model_get_n_items (upstream));
  g_assert_cmpuint (fixture->mirror->len, ==, n);
  g_assert_null (g_list_model_get_item (paced, n));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (paced, i);

      g_assert_true (item == g_ptr_array_index (fixture->mirror, i));
      /* A subsequence of the upstream items. */
      for (;; u++)
        {
          g_autoptr(GObject) up = NULL;

          g_assert_cmpuint (u, <, g_list_model_get_n_items (upstream));
          up = g_list_model_get_item (upstream, u);
          if (up == item)
            break;
        }
      u++;
    }
}

static void
test_small_changes_pass (Fixture       *fixture,
                         gconstpointer  data)
{
  splice (fixture, 0, 0, 10);
  splice (fixture, 5, 2, 20);
  splice (fixture, 0, 3, 0);
  assert_consistent (fixture);
  g_assert_cmpuint (broadsheet_paced_list_model_get_n_hidden (fixture->paced), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->paced)), ==, 25);
}

static void
test_big_insertion_paced (Fixture       *fixture,
                          gconstpointer  data)
{
  guint steps = 0;

  splice (fixture, 0, 0, 10000);
  assert_consistent (fixture);
  /* A frame's worth at first: not the 200 rows a list would make. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->paced)), <=, 32);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->paced)), >, 0);

  while (broadsheet_paced_list_model_reveal_step (fixture->paced))
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (fixture->paced));

      assert_consistent (fixture);
      steps++;
      /* Past the rows a list keeps, the rest come at once. */
      g_assert_cmpuint (n, <=, 200 + 32);
    }
  assert_consistent (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->paced)), ==, 10000);
  g_assert_cmpuint (steps, >=, 5);
  g_assert_cmpuint (steps, <=, 12);
}

static void
test_insertion_far_down_passes (Fixture       *fixture,
                                gconstpointer  data)
{
  splice (fixture, 0, 0, 20);
  broadsheet_paced_list_model_reveal_all (fixture->paced);
  splice (fixture, 20, 0, 300);
  broadsheet_paced_list_model_reveal_all (fixture->paced);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->paced)), ==, 320);

  /* Below the rows a list keeps, nothing needs holding back. */
  splice (fixture, 250, 0, 1000);
  g_assert_cmpuint (broadsheet_paced_list_model_get_n_hidden (fixture->paced), ==, 0);
  assert_consistent (fixture);
}

/* A refill that takes the selected item out and puts it back, as a sort or
 * filter model does, keeps it shown, so a selection model finds it.
 */
static void
test_kept_item_shown (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) items = new_items (5000);
  GObject *selected = g_ptr_array_index (items, 4321);
  guint found = G_MAXUINT;

  splice (fixture, 0, 0, 10);
  broadsheet_paced_list_model_set_keep (fixture->paced, selected);
  g_list_store_splice (fixture->upstream, 0, 10, items->pdata, items->len);
  assert_consistent (fixture);
  for (guint i = 0; i < fixture->mirror->len; i++)
    if (g_ptr_array_index (fixture->mirror, i) == selected)
      found = i;
  g_assert_cmpuint (found, !=, G_MAXUINT);

  broadsheet_paced_list_model_reveal_all (fixture->paced);
  assert_consistent (fixture);
  g_assert_true (g_ptr_array_index (fixture->mirror, 4321) == selected);
}

/* Random splices and reveals: the signals always describe the model. */
static void
test_random_changes (Fixture       *fixture,
                     gconstpointer  data)
{
  GRand *rand = g_rand_new_with_seed (8);

  for (guint round = 0; round < 400; round++)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (fixture->upstream));
      guint position = g_rand_int_range (rand, 0, n + 1);
      guint removed = g_rand_int_range (rand, 0, MIN (n - position, 300) + 1);
      guint added = g_rand_boolean (rand) ? g_rand_int_range (rand, 0, 10)
                                          : g_rand_int_range (rand, 0, 600);

      if (n > 5000)
        removed = n - position;
      splice (fixture, position, removed, added);
      assert_consistent (fixture);
      if (g_rand_int_range (rand, 0, 3) == 0)
        {
          broadsheet_paced_list_model_reveal_step (fixture->paced);
          assert_consistent (fixture);
        }
    }
  broadsheet_paced_list_model_reveal_all (fixture->paced);
  assert_consistent (fixture);
  g_assert_cmpuint (broadsheet_paced_list_model_get_n_hidden (fixture->paced), ==, 0);
  g_rand_free (rand);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/paced-list-model/small-changes-pass", Fixture, NULL, fixture_set_up,
              test_small_changes_pass, fixture_tear_down);
  g_test_add ("/paced-list-model/big-insertion-paced", Fixture, NULL, fixture_set_up,
              test_big_insertion_paced, fixture_tear_down);
  g_test_add ("/paced-list-model/insertion-far-down-passes", Fixture, NULL, fixture_set_up,
              test_insertion_far_down_passes, fixture_tear_down);
  g_test_add ("/paced-list-model/kept-item-shown", Fixture, NULL, fixture_set_up,
              test_kept_item_shown, fixture_tear_down);
  g_test_add ("/paced-list-model/random-changes", Fixture, NULL, fixture_set_up,
              test_random_changes, fixture_tear_down);

  return g_test_run ();
}
