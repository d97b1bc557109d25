/* broadsheet-photo.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include "broadsheet-digest.h"

#include "broadsheet-photo.h"

/* A picture in a story: the lead photo or one in the body. The URL may be
 * NULL when the feed gave one we refuse to load; caption and credit still show.
 */
struct _BroadsheetPhoto
{
  GObject parent_instance;

  char *url;
  char *caption;
  char *credit;
  char *alt_text;
  int   width;
  int   height;
};

G_DEFINE_FINAL_TYPE (BroadsheetPhoto, broadsheet_photo, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_URL,
  PROP_CAPTION,
  PROP_CREDIT,
  PROP_ALT_TEXT,
  PROP_WIDTH,
  PROP_HEIGHT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
broadsheet_photo_finalize (GObject *object)
{
  BroadsheetPhoto *self = (BroadsheetPhoto *)object;

  g_free (self->url);
  g_free (self->caption);
  g_clear_pointer (&self->credit, g_ref_string_release);
  g_free (self->alt_text);

  G_OBJECT_CLASS (broadsheet_photo_parent_class)->finalize (object);
}

static void
broadsheet_photo_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BroadsheetPhoto *self = BROADSHEET_PHOTO (object);

  switch (prop_id)
    {
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    case PROP_CAPTION:
      g_value_set_string (value, self->caption);
      break;

    case PROP_CREDIT:
      g_value_set_string (value, self->credit);
      break;

    case PROP_ALT_TEXT:
      g_value_set_string (value, self->alt_text);
      break;

    case PROP_WIDTH:
      g_value_set_int (value, self->width);
      break;

    case PROP_HEIGHT:
      g_value_set_int (value, self->height);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
broadsheet_photo_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BroadsheetPhoto *self = BROADSHEET_PHOTO (object);

  switch (prop_id)
    {
    case PROP_URL:
      self->url = g_value_dup_string (value);
      break;

    case PROP_CAPTION:
      self->caption = g_value_dup_string (value);
      break;

    case PROP_CREDIT:
      /* Credits repeat ("Photo: Reuters"): one copy each. */
      self->credit = g_value_get_string (value) != NULL ?
                     g_ref_string_new_intern (g_value_get_string (value)) : NULL;
      break;

    case PROP_ALT_TEXT:
      self->alt_text = g_value_dup_string (value);
      break;

    case PROP_WIDTH:
      self->width = g_value_get_int (value);
      break;

    case PROP_HEIGHT:
      self->height = g_value_get_int (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
broadsheet_photo_class_init (BroadsheetPhotoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = broadsheet_photo_finalize;
  object_class->get_property = broadsheet_photo_get_property;
  object_class->set_property = broadsheet_photo_set_property;

  properties[PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL, flags);
  properties[PROP_CAPTION] = g_param_spec_string ("caption", NULL, NULL, NULL, flags);
  properties[PROP_CREDIT] = g_param_spec_string ("credit", NULL, NULL, NULL, flags);
  properties[PROP_ALT_TEXT] = g_param_spec_string ("alt-text", NULL, NULL, NULL, flags);
  properties[PROP_WIDTH] = g_param_spec_int ("width", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_HEIGHT] = g_param_spec_int ("height", NULL, NULL, 0, G_MAXINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
broadsheet_photo_init (BroadsheetPhoto *self)
{
}

BroadsheetPhoto *
broadsheet_photo_new (const char *url)
{
  return g_object_new (BROADSHEET_TYPE_PHOTO, "url", url, NULL);
}

const char *
broadsheet_photo_get_url (BroadsheetPhoto *self)
{
  g_return_val_if_fail (BROADSHEET_IS_PHOTO (self), NULL);

  return self->url;
}

const char *
broadsheet_photo_get_caption (BroadsheetPhoto *self)
{
  g_return_val_if_fail (BROADSHEET_IS_PHOTO (self), NULL);

  return self->caption;
}

const char *
broadsheet_photo_get_credit (BroadsheetPhoto *self)
{
  g_return_val_if_fail (BROADSHEET_IS_PHOTO (self), NULL);

  return self->credit;
}

const char *
broadsheet_photo_get_alt_text (BroadsheetPhoto *self)
{
  g_return_val_if_fail (BROADSHEET_IS_PHOTO (self), NULL);

  return self->alt_text;
}

int
broadsheet_photo_get_width (BroadsheetPhoto *self)
{
  g_return_val_if_fail (BROADSHEET_IS_PHOTO (self), 0);

  return self->width;
}

int
broadsheet_photo_get_height (BroadsheetPhoto *self)
{
  g_return_val_if_fail (BROADSHEET_IS_PHOTO (self), 0);

  return self->height;
}

/* Returns %TRUE when both are NULL or describe the same picture the same way. */
gboolean
broadsheet_photo_equal (BroadsheetPhoto *a,
                        BroadsheetPhoto *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;

  return g_strcmp0 (a->url, b->url) == 0 &&
         g_strcmp0 (a->caption, b->caption) == 0 &&
         g_strcmp0 (a->credit, b->credit) == 0 &&
         g_strcmp0 (a->alt_text, b->alt_text) == 0 &&
         a->width == b->width &&
         a->height == b->height;
}

/* Adds @self (which may be NULL) to @digest; see broadsheet-digest.h. */
guint64
broadsheet_photo_digest (BroadsheetPhoto *self,
                         guint64          digest)
{
  if (self == NULL)
    return broadsheet_digest_string (digest, NULL);

  digest = broadsheet_digest_string (digest, self->url);
  digest = broadsheet_digest_string (digest, self->caption);
  digest = broadsheet_digest_string (digest, self->credit);
  digest = broadsheet_digest_string (digest, self->alt_text);
  digest = broadsheet_digest_uint (digest, (guint64) self->width);
  return broadsheet_digest_uint (digest, (guint64) self->height);
}
