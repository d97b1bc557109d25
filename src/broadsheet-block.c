/* broadsheet-block.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include "broadsheet-digest.h"

#include "broadsheet-block.h"

/* One piece of a story's body. Which fields are used depends on the kind:
 *
 *  - paragraph: text, and an optional run-in label ("Why it matters:");
 *  - heading: text;
 *  - list: items, and an optional label above them ("What else we know:");
 *  - quote: text and attribution;
 *  - go deeper: label, title and url;
 *  - image: photo;
 *  - preformatted: text, shown as is in a monospace font;
 *  - rule: nothing, a thematic break.
 *
 * List items carry a depth (0 for the outer list) so nested lists from HTML
 * keep their shape, and a list can be ordered (numbered).
 *
 * Parsers fill a block in before it is shared; after that it does not change.
 */
/* What only lists, quotes, links and pictures have. Most blocks are
 * paragraphs, and a feed has thousands of them: they do without
 * (docs/performance.md).
 */
typedef struct
{
  GPtrArray       *items;
  GArray          *item_depths;
  char            *attribution;
  char            *title;
  char            *url;
  BroadsheetPhoto *photo;
} BlockExtra;

struct _BroadsheetBlock
{
  GObject parent_instance;

  BroadsheetBlockKind  kind;
  gboolean             ordered;
  char                *label;
  BroadsheetRichText  *text;
  BlockExtra          *extra;   /* NULL until one of its fields is set. */
};

/* For reading: a block without extras reads as having none of them. */
static const BlockExtra no_extra;
#define EXTRA(block) ((block)->extra != NULL ? (const BlockExtra *) (block)->extra : &no_extra)

static BlockExtra *
extra_of (BroadsheetBlock *self)
{
  if (self->extra == NULL)
    self->extra = g_new0 (BlockExtra, 1);
  return self->extra;
}

G_DEFINE_FINAL_TYPE (BroadsheetBlock, broadsheet_block, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (BroadsheetBlockKind, broadsheet_block_kind,
  G_DEFINE_ENUM_VALUE (BROADSHEET_BLOCK_PARAGRAPH, "paragraph"),
  G_DEFINE_ENUM_VALUE (BROADSHEET_BLOCK_HEADING, "heading"),
  G_DEFINE_ENUM_VALUE (BROADSHEET_BLOCK_LIST, "list"),
  G_DEFINE_ENUM_VALUE (BROADSHEET_BLOCK_QUOTE, "quote"),
  G_DEFINE_ENUM_VALUE (BROADSHEET_BLOCK_GO_DEEPER, "go-deeper"),
  G_DEFINE_ENUM_VALUE (BROADSHEET_BLOCK_IMAGE, "image"),
  G_DEFINE_ENUM_VALUE (BROADSHEET_BLOCK_PREFORMATTED, "preformatted"),
  G_DEFINE_ENUM_VALUE (BROADSHEET_BLOCK_RULE, "rule"))

enum {
  PROP_0,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
broadsheet_block_dispose (GObject *object)
{
  BroadsheetBlock *self = (BroadsheetBlock *)object;

  g_clear_pointer (&self->text, broadsheet_rich_text_unref);
  if (self->extra != NULL)
    {
      g_clear_object (&self->extra->photo);
      g_clear_pointer (&self->extra->items, g_ptr_array_unref);
      g_clear_pointer (&self->extra->item_depths, g_array_unref);
    }

  G_OBJECT_CLASS (broadsheet_block_parent_class)->dispose (object);
}

static void
broadsheet_block_finalize (GObject *object)
{
  BroadsheetBlock *self = (BroadsheetBlock *)object;

  g_clear_pointer (&self->label, g_ref_string_release);
  if (self->extra != NULL)
    {
      g_free (self->extra->attribution);
      g_free (self->extra->title);
      g_free (self->extra->url);
      g_free (self->extra);
    }

  G_OBJECT_CLASS (broadsheet_block_parent_class)->finalize (object);
}

static void
broadsheet_block_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BroadsheetBlock *self = BROADSHEET_BLOCK (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
broadsheet_block_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BroadsheetBlock *self = BROADSHEET_BLOCK (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
broadsheet_block_class_init (BroadsheetBlockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = broadsheet_block_dispose;
  object_class->finalize = broadsheet_block_finalize;
  object_class->get_property = broadsheet_block_get_property;
  object_class->set_property = broadsheet_block_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       BROADSHEET_TYPE_BLOCK_KIND, BROADSHEET_BLOCK_PARAGRAPH,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
broadsheet_block_init (BroadsheetBlock *self)
{
}

BroadsheetBlock *
broadsheet_block_new (BroadsheetBlockKind kind)
{
  return g_object_new (BROADSHEET_TYPE_BLOCK, "kind", kind, NULL);
}

BroadsheetBlockKind
broadsheet_block_get_kind (BroadsheetBlock *self)
{
  g_return_val_if_fail (BROADSHEET_IS_BLOCK (self), 0);

  return self->kind;
}

const char *
broadsheet_block_get_label (BroadsheetBlock *self)
{
  g_return_val_if_fail (BROADSHEET_IS_BLOCK (self), NULL);

  return self->label;
}

void
broadsheet_block_set_label (BroadsheetBlock *self,
                            const char      *label)
{
  g_return_if_fail (BROADSHEET_IS_BLOCK (self));

  /* Labels repeat from story to story ("Why it matters:"): one copy each. */
  g_clear_pointer (&self->label, g_ref_string_release);
  self->label = label != NULL ? g_ref_string_new_intern (label) : NULL;
}

BroadsheetRichText *
broadsheet_block_get_text (BroadsheetBlock *self)
{
  g_return_val_if_fail (BROADSHEET_IS_BLOCK (self), NULL);

  return self->text;
}

void
broadsheet_block_set_text (BroadsheetBlock    *self,
                           BroadsheetRichText *text)
{
  g_return_if_fail (BROADSHEET_IS_BLOCK (self));

  if (text != NULL)
    broadsheet_rich_text_ref (text);
  g_clear_pointer (&self->text, broadsheet_rich_text_unref);
  self->text = text;
}

guint
broadsheet_block_get_n_items (BroadsheetBlock *self)
{
  g_return_val_if_fail (BROADSHEET_IS_BLOCK (self), 0);

  return EXTRA (self)->items != NULL ? EXTRA (self)->items->len : 0;
}

BroadsheetRichText *
broadsheet_block_get_item (BroadsheetBlock *self,
                           guint            index)
{
  g_return_val_if_fail (BROADSHEET_IS_BLOCK (self), NULL);
  g_return_val_if_fail (index < broadsheet_block_get_n_items (self), NULL);

  return g_ptr_array_index (EXTRA (self)->items, index);
}

void
broadsheet_block_add_item (BroadsheetBlock    *self,
                           BroadsheetRichText *item)
{
  broadsheet_block_add_nested_item (self, item, 0);
}

/* Adds an item of a list nested @depth levels inside the outer one. */
void
broadsheet_block_add_nested_item (BroadsheetBlock    *self,
                                  BroadsheetRichText *item,
                                  guint               depth)
{
  BlockExtra *extra;

  g_return_if_fail (BROADSHEET_IS_BLOCK (self));
  g_return_if_fail (item != NULL);

  extra = extra_of (self);
  if (extra->items == NULL)
    {
      extra->items = g_ptr_array_new_with_free_func ((GDestroyNotify)broadsheet_rich_text_unref);
      extra->item_depths = g_array_new (FALSE, FALSE, sizeof (guint));
    }
  g_ptr_array_add (extra->items, broadsheet_rich_text_ref (item));
  g_array_append_val (extra->item_depths, depth);
}

guint
broadsheet_block_get_item_depth (BroadsheetBlock *self,
                                 guint            index)
{
  g_return_val_if_fail (BROADSHEET_IS_BLOCK (self), 0);
  g_return_val_if_fail (index < broadsheet_block_get_n_items (self), 0);

  return g_array_index (EXTRA (self)->item_depths, guint, index);
}

gboolean
broadsheet_block_get_ordered (BroadsheetBlock *self)
{
  g_return_val_if_fail (BROADSHEET_IS_BLOCK (self), FALSE);

  return self->ordered;
}

void
broadsheet_block_set_ordered (BroadsheetBlock *self,
                              gboolean         ordered)
{
  g_return_if_fail (BROADSHEET_IS_BLOCK (self));

  self->ordered = !!ordered;
}

const char *
broadsheet_block_get_attribution (BroadsheetBlock *self)
{
  g_return_val_if_fail (BROADSHEET_IS_BLOCK (self), NULL);

  return EXTRA (self)->attribution;
}

void
broadsheet_block_set_attribution (BroadsheetBlock *self,
                                  const char      *attribution)
{
  g_return_if_fail (BROADSHEET_IS_BLOCK (self));

  if (attribution == NULL && self->extra == NULL)
    return;
  g_free (extra_of (self)->attribution);
  self->extra->attribution = g_strdup (attribution);
}

const char *
broadsheet_block_get_title (BroadsheetBlock *self)
{
  g_return_val_if_fail (BROADSHEET_IS_BLOCK (self), NULL);

  return EXTRA (self)->title;
}

void
broadsheet_block_set_title (BroadsheetBlock *self,
                            const char      *title)
{
  g_return_if_fail (BROADSHEET_IS_BLOCK (self));

  if (title == NULL && self->extra == NULL)
    return;
  g_free (extra_of (self)->title);
  self->extra->title = g_strdup (title);
}

const char *
broadsheet_block_get_url (BroadsheetBlock *self)
{
  g_return_val_if_fail (BROADSHEET_IS_BLOCK (self), NULL);

  return EXTRA (self)->url;
}

void
broadsheet_block_set_url (BroadsheetBlock *self,
                          const char      *url)
{
  g_return_if_fail (BROADSHEET_IS_BLOCK (self));

  if (url == NULL && self->extra == NULL)
    return;
  g_free (extra_of (self)->url);
  self->extra->url = g_strdup (url);
}

BroadsheetPhoto *
broadsheet_block_get_photo (BroadsheetBlock *self)
{
  g_return_val_if_fail (BROADSHEET_IS_BLOCK (self), NULL);

  return EXTRA (self)->photo;
}

void
broadsheet_block_set_photo (BroadsheetBlock *self,
                            BroadsheetPhoto *photo)
{
  g_return_if_fail (BROADSHEET_IS_BLOCK (self));

  if (photo == NULL && self->extra == NULL)
    return;
  g_set_object (&extra_of (self)->photo, photo);
}

/* Returns %TRUE when @a and @b show the same thing. */
gboolean
broadsheet_block_equal (BroadsheetBlock *a,
                        BroadsheetBlock *b)
{
  guint n_items;

  g_return_val_if_fail (BROADSHEET_IS_BLOCK (a), FALSE);
  g_return_val_if_fail (BROADSHEET_IS_BLOCK (b), FALSE);

  if (a->kind != b->kind ||
      a->ordered != b->ordered ||
      g_strcmp0 (a->label, b->label) != 0 ||
      g_strcmp0 (EXTRA (a)->attribution, EXTRA (b)->attribution) != 0 ||
      g_strcmp0 (EXTRA (a)->title, EXTRA (b)->title) != 0 ||
      g_strcmp0 (EXTRA (a)->url, EXTRA (b)->url) != 0 ||
      !broadsheet_rich_text_equal (a->text, b->text) ||
      !broadsheet_photo_equal (EXTRA (a)->photo, EXTRA (b)->photo))
    return FALSE;

  n_items = broadsheet_block_get_n_items (a);
  if (n_items != broadsheet_block_get_n_items (b))
    return FALSE;
  for (guint i = 0; i < n_items; i++)
    if (!broadsheet_rich_text_equal (g_ptr_array_index (EXTRA (a)->items, i), g_ptr_array_index (EXTRA (b)->items, i)) ||
        broadsheet_block_get_item_depth (a, i) != broadsheet_block_get_item_depth (b, i))
      return FALSE;

  return TRUE;
}

/* Adds @self to @digest; see broadsheet-digest.h. */
guint64
broadsheet_block_digest (BroadsheetBlock *self,
                         guint64          digest)
{
  guint n_items = broadsheet_block_get_n_items (self);

  digest = broadsheet_digest_uint (digest, self->kind);
  digest = broadsheet_digest_uint (digest, self->ordered);
  digest = broadsheet_digest_string (digest, self->label);
  digest = broadsheet_digest_string (digest, EXTRA (self)->attribution);
  digest = broadsheet_digest_string (digest, EXTRA (self)->title);
  digest = broadsheet_digest_string (digest, EXTRA (self)->url);
  digest = broadsheet_rich_text_digest (self->text, digest);
  digest = broadsheet_photo_digest (EXTRA (self)->photo, digest);
  for (guint i = 0; i < n_items; i++)
    {
      digest = broadsheet_rich_text_digest (g_ptr_array_index (EXTRA (self)->items, i), digest);
      digest = broadsheet_digest_uint (digest, broadsheet_block_get_item_depth (self, i));
    }
  return broadsheet_digest_uint (digest, n_items);
}
