/* broadsheet-feed-document.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include "broadsheet-feed-document.h"

/* What a parser made of one feed document: its title and stories, and the
 * stories it had to leave out with the reason for each. It is built on a
 * worker thread and handed whole to the main thread.
 */
struct _BroadsheetFeedDocument
{
  GObject parent_instance;

  char      *title;
  char      *home_page_url;
  char      *description;
  GPtrArray *stories;
  GPtrArray *skip_reasons;
};

G_DEFINE_FINAL_TYPE (BroadsheetFeedDocument, broadsheet_feed_document, G_TYPE_OBJECT)

static void
broadsheet_feed_document_dispose (GObject *object)
{
  BroadsheetFeedDocument *self = (BroadsheetFeedDocument *)object;

  g_clear_pointer (&self->stories, g_ptr_array_unref);

  G_OBJECT_CLASS (broadsheet_feed_document_parent_class)->dispose (object);
}

static void
broadsheet_feed_document_finalize (GObject *object)
{
  BroadsheetFeedDocument *self = (BroadsheetFeedDocument *)object;

  g_free (self->title);
  g_free (self->home_page_url);
  g_free (self->description);
  g_ptr_array_unref (self->skip_reasons);

  G_OBJECT_CLASS (broadsheet_feed_document_parent_class)->finalize (object);
}

static void
broadsheet_feed_document_class_init (BroadsheetFeedDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = broadsheet_feed_document_dispose;
  object_class->finalize = broadsheet_feed_document_finalize;
}

static void
broadsheet_feed_document_init (BroadsheetFeedDocument *self)
{
  self->stories = g_ptr_array_new_with_free_func (g_object_unref);
  /* Kept NULL-terminated so it can be handed out as a string vector. */
  self->skip_reasons = g_ptr_array_new_null_terminated (0, g_free, TRUE);
}

BroadsheetFeedDocument *
broadsheet_feed_document_new (const char *title)
{
  BroadsheetFeedDocument *self = g_object_new (BROADSHEET_TYPE_FEED_DOCUMENT, NULL);

  self->title = g_strdup (title);

  return self;
}

const char *
broadsheet_feed_document_get_title (BroadsheetFeedDocument *self)
{
  g_return_val_if_fail (BROADSHEET_IS_FEED_DOCUMENT (self), NULL);

  return self->title;
}

const char *
broadsheet_feed_document_get_home_page_url (BroadsheetFeedDocument *self)
{
  g_return_val_if_fail (BROADSHEET_IS_FEED_DOCUMENT (self), NULL);

  return self->home_page_url;
}

void
broadsheet_feed_document_set_home_page_url (BroadsheetFeedDocument *self,
                                            const char             *url)
{
  g_return_if_fail (BROADSHEET_IS_FEED_DOCUMENT (self));

  g_free (self->home_page_url);
  self->home_page_url = g_strdup (url);
}

const char *
broadsheet_feed_document_get_description (BroadsheetFeedDocument *self)
{
  g_return_val_if_fail (BROADSHEET_IS_FEED_DOCUMENT (self), NULL);

  return self->description;
}

void
broadsheet_feed_document_set_description (BroadsheetFeedDocument *self,
                                          const char             *description)
{
  g_return_if_fail (BROADSHEET_IS_FEED_DOCUMENT (self));

  g_free (self->description);
  self->description = g_strdup (description);
}

/* Returns: (transfer none) (element-type BroadsheetStory): the stories in feed order. */
GPtrArray *
broadsheet_feed_document_get_stories (BroadsheetFeedDocument *self)
{
  g_return_val_if_fail (BROADSHEET_IS_FEED_DOCUMENT (self), NULL);

  return self->stories;
}

void
broadsheet_feed_document_add_story (BroadsheetFeedDocument *self,
                                    BroadsheetStory        *story)
{
  g_return_if_fail (BROADSHEET_IS_FEED_DOCUMENT (self));
  g_return_if_fail (BROADSHEET_IS_STORY (story));

  g_ptr_array_add (self->stories, g_object_ref (story));
}

guint
broadsheet_feed_document_get_n_skipped (BroadsheetFeedDocument *self)
{
  g_return_val_if_fail (BROADSHEET_IS_FEED_DOCUMENT (self), 0);

  return self->skip_reasons->len;
}

const char * const *
broadsheet_feed_document_get_skip_reasons (BroadsheetFeedDocument *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (BROADSHEET_IS_FEED_DOCUMENT (self), NULL);

  if (self->skip_reasons->len == 0)
    return none;
  return (const char * const *)self->skip_reasons->pdata;
}

/* Records that one story was left out, and why, in words for the user. */
void
broadsheet_feed_document_skip (BroadsheetFeedDocument *self,
                               const char             *format,
                               ...)
{
  va_list args;

  g_return_if_fail (BROADSHEET_IS_FEED_DOCUMENT (self));

  va_start (args, format);
  g_ptr_array_add (self->skip_reasons, g_strdup_vprintf (format, args));
  va_end (args);
}
