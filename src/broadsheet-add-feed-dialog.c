/* broadsheet-add-feed-dialog.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "broadsheet-add-feed-dialog.h"

/* Asks for a feed's web address and tries it before it can be added.
 *
 * The address is checked as it is typed. Once it is a valid http or https
 * address not already in the list, and the user has paused for a moment, the
 * dialog loads it as a BroadsheetSource. Only a feed that loaded can be
 * added, and the loaded source is handed over through "add-source" so the
 * window shows it without fetching it again. Every edit, and closing the
 * dialog, cancels a load in flight.
 *
 * Feed titles and error messages go into the status label as plain text.
 */

/* How long to wait after the last keystroke before trying the address. */
#define LOAD_DELAY_MS 400

typedef enum
{
  ADDRESS_EMPTY,
  ADDRESS_INCOMPLETE,  /* A start of "https://": the user is still typing. */
  ADDRESS_NOT_WEB,     /* No http or https scheme. */
  ADDRESS_INVALID,     /* http or https, but not a valid address with a host. */
  ADDRESS_VALID,
} AddressCheck;

typedef enum
{
  STATUS_PLAIN,
  STATUS_HINT,
  STATUS_BUSY,
  STATUS_ERROR,
} StatusStyle;

struct _BroadsheetAddFeedDialog
{
  AdwWindow parent_instance;

  BroadsheetFetcher   *fetcher;
  BroadsheetFeedCache *cache;
  GListModel          *existing_sources;

  char                *pending_uri;
  guint                load_timeout_id;
  GCancellable        *cancellable;
  BroadsheetSource    *source;

  AdwEntryRow         *entry_row;
  GtkWidget           *add_button;
  GtkWidget           *cancel_button;
  GtkSpinner          *spinner;
  GtkLabel            *status_label;
};

G_DEFINE_FINAL_TYPE (BroadsheetAddFeedDialog, broadsheet_add_feed_dialog, ADW_TYPE_WINDOW)

enum {
  ADD_SOURCE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* GLib accepts spaces in a host and encodes them in a path; a typed address
 * with spaces or control characters is a mistake, not a feed.
 */
static gboolean
has_space_or_control (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isspace (*p) || g_ascii_iscntrl (*p))
      return TRUE;

  return FALSE;
}

/* A DNS name (IDNs arrive here in ASCII) or an IP address. */
static gboolean
is_valid_host (const char *host)
{
  if (host == NULL || *host == '\0')
    return FALSE;

  if (g_hostname_is_ip_address (host))
    return TRUE;

  for (const char *p = host; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '.' && *p != '_')
      return FALSE;

  return *host != '.' && *host != '-';
}

static gboolean
is_start_of (const char *text,
             const char *whole)
{
  gsize len = strlen (text);

  return len <= strlen (whole) && g_ascii_strncasecmp (text, whole, len) == 0;
}

/* Checks @text, already trimmed. For a valid address, @normalized gets it
 * with the scheme and host in lower case and a default port or empty path
 * normalized, so that one feed written two ways compares equal.
 */
static AddressCheck
check_address (const char  *text,
               char       **normalized)
{
  const char *scheme;
  const char *host;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GUri) rebuilt = NULL;
  g_autofree char *lower_host = NULL;

  if (*text == '\0')
    return ADDRESS_EMPTY;

  if (is_start_of (text, "https://") || is_start_of (text, "http://"))
    return ADDRESS_INCOMPLETE;

  scheme = g_uri_peek_scheme (text);
  if (g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0)
    return ADDRESS_NOT_WEB;

  if (has_space_or_control (text))
    return ADDRESS_INVALID;

  uri = g_uri_parse (text, G_URI_FLAGS_ENCODED | G_URI_FLAGS_SCHEME_NORMALIZE, NULL);
  if (uri == NULL)
    return ADDRESS_INVALID;

  host = g_uri_get_host (uri);
  if (!is_valid_host (host))
    return ADDRESS_INVALID;

  if (normalized != NULL)
    {
      lower_host = g_ascii_strdown (host, -1);
      rebuilt = g_uri_build (g_uri_get_flags (uri), scheme, g_uri_get_userinfo (uri), lower_host,
                             g_uri_get_port (uri), g_uri_get_path (uri), g_uri_get_query (uri),
                             g_uri_get_fragment (uri));
      *normalized = g_uri_to_string (rebuilt);
    }

  return ADDRESS_VALID;
}

static gboolean
is_existing_source (BroadsheetAddFeedDialog *self,
                    const char              *normalized)
{
  guint n_sources;

  if (self->existing_sources == NULL)
    return FALSE;

  n_sources = g_list_model_get_n_items (self->existing_sources);
  for (guint i = 0; i < n_sources; i++)
    {
      g_autoptr(BroadsheetSource) source = g_list_model_get_item (self->existing_sources, i);
      const char *uri = broadsheet_source_get_uri (source);
      g_autofree char *other = NULL;

      if (g_strcmp0 (uri, normalized) == 0)
        return TRUE;
      if (uri != NULL && check_address (uri, &other) == ADDRESS_VALID &&
          g_strcmp0 (other, normalized) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
set_error_style (GtkWidget *widget,
                 gboolean   error)
{
  if (error)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
}

static void
show_status (BroadsheetAddFeedDialog *self,
             StatusStyle              style,
             const char              *text)
{
  gboolean busy = style == STATUS_BUSY;

  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);

  gtk_label_set_text (self->status_label, text != NULL ? text : "");
  set_error_style (GTK_WIDGET (self->status_label), style == STATUS_ERROR);
  if (style == STATUS_HINT || style == STATUS_BUSY)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "dim-label");
}

static gboolean
can_add (BroadsheetAddFeedDialog *self)
{
  return self->source != NULL &&
         self->cancellable != NULL &&
         broadsheet_source_get_state (self->source) == BROADSHEET_SOURCE_READY;
}

/* Forgets the address being tried: the pause, the load in flight and its
 * result.
 */
static void
stop_loading (BroadsheetAddFeedDialog *self)
{
  g_clear_handle_id (&self->load_timeout_id, g_source_remove);
  g_clear_pointer (&self->pending_uri, g_free);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->source);
}

static void
show_loaded (BroadsheetAddFeedDialog *self)
{
  const char *title = broadsheet_source_get_title (self->source);
  guint n_stories = g_list_model_get_n_items (broadsheet_source_get_stories (self->source));
  g_autofree char *text = NULL;

  if (n_stories == 0)
    /* Translators: the feed's title, in quotes, for a feed that has no stories. */
    text = g_strdup_printf (_("“%s” · No stories yet"), title);
  else
    /* Translators: the feed's title, in quotes, and how many stories it has now. */
    text = g_strdup_printf (ngettext ("“%s” · %u story", "“%s” · %u stories", n_stories),
                            title, n_stories);

  show_status (self, STATUS_PLAIN, text);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GWeakRef *weak_self = user_data;
  g_autoptr(BroadsheetAddFeedDialog) self = g_weak_ref_get (weak_self);
  BroadsheetSource *source = BROADSHEET_SOURCE (object);
  g_autoptr(GError) error = NULL;
  const GError *source_error;

  g_weak_ref_clear (weak_self);
  g_free (weak_self);

  broadsheet_source_load_finish (source, result, &error);

  /* The dialog is gone, or an edit cancelled this load or replaced its source. */
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      source != self->source)
    return;

  if (error != NULL)
    {
      source_error = broadsheet_source_get_error (source);
      set_error_style (GTK_WIDGET (self->entry_row), TRUE);
      show_status (self, STATUS_ERROR, source_error != NULL ? source_error->message
                                                            : error->message);
      return;
    }

  show_loaded (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "add-feed.add", TRUE);
}

static void
start_loading (BroadsheetAddFeedDialog *self)
{
  g_autofree char *uri = g_steal_pointer (&self->pending_uri);
  GWeakRef *weak_self;

  g_assert (uri != NULL);
  g_assert (self->source == NULL);

  g_clear_handle_id (&self->load_timeout_id, g_source_remove);
  self->cancellable = g_cancellable_new ();
  self->source = broadsheet_source_new (uri, self->fetcher, self->cache);

  /* Only a weak reference: closing the dialog disposes it at once, and
   * disposing cancels the load, rather than the load keeping it alive.
   */
  weak_self = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak_self, self);
  broadsheet_source_load_async (self->source, self->cancellable, load_cb, weak_self);
}

static gboolean
load_timeout_cb (gpointer user_data)
{
  BroadsheetAddFeedDialog *self = user_data;

  self->load_timeout_id = 0;
  start_loading (self);

  return G_SOURCE_REMOVE;
}

static void
entry_changed_cb (BroadsheetAddFeedDialog *self)
{
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->entry_row));
  g_autofree char *text = g_strstrip (g_strdup (typed));
  g_autofree char *normalized = NULL;
  AddressCheck check;

  stop_loading (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "add-feed.add", FALSE);

  check = check_address (text, &normalized);
  set_error_style (GTK_WIDGET (self->entry_row),
                   check == ADDRESS_NOT_WEB || check == ADDRESS_INVALID);

  switch (check)
    {
    case ADDRESS_EMPTY:
      show_status (self, STATUS_PLAIN, NULL);
      break;

    case ADDRESS_INCOMPLETE:
      /* Translators: "https://" is the start of a web address; keep it as it is. */
      show_status (self, STATUS_HINT, _("Enter a web address that starts with https://"));
      break;

    case ADDRESS_NOT_WEB:
      /* Translators: "https://" is the start of a web address; keep it as it is. */
      show_status (self, STATUS_ERROR, _("Enter a web address that starts with https://"));
      break;

    case ADDRESS_INVALID:
      show_status (self, STATUS_ERROR,
                   _("This is not a valid web address. Check it for typing mistakes."));
      break;

    case ADDRESS_VALID:
      if (is_existing_source (self, normalized))
        {
          show_status (self, STATUS_PLAIN, _("This feed is already in your list"));
          break;
        }

      /* Say at once that the address will be tried, so no earlier result
       * stays on screen during the pause.
       */
      show_status (self, STATUS_BUSY, _("Looking for a feed…"));
      self->pending_uri = g_steal_pointer (&normalized);
      self->load_timeout_id = g_timeout_add (LOAD_DELAY_MS, load_timeout_cb, self);
      g_source_set_name_by_id (self->load_timeout_id, "[broadsheet] add feed delay");
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
entry_activated_cb (BroadsheetAddFeedDialog *self)
{
  if (can_add (self))
    gtk_widget_activate_action (GTK_WIDGET (self), "add-feed.add", NULL);
  else if (self->load_timeout_id != 0)
    start_loading (self);  /* Enter skips the pause. */
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  g_autoptr(BroadsheetAddFeedDialog) self = g_object_ref (BROADSHEET_ADD_FEED_DIALOG (widget));
  g_autoptr(BroadsheetSource) source = NULL;
  g_autofree char *normalized = NULL;

  if (!can_add (self))
    return;

  /* The list may have changed while the feed loaded. */
  check_address (broadsheet_source_get_uri (self->source), &normalized);
  if (is_existing_source (self, normalized))
    {
      stop_loading (self);
      gtk_widget_action_set_enabled (widget, "add-feed.add", FALSE);
      show_status (self, STATUS_PLAIN, _("This feed is already in your list"));
      return;
    }

  /* The load is over: hand the source over without cancelling anything. */
  source = g_steal_pointer (&self->source);
  g_clear_object (&self->cancellable);

  g_signal_emit (self, signals[ADD_SOURCE], 0, source);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
broadsheet_add_feed_dialog_dispose (GObject *object)
{
  BroadsheetAddFeedDialog *self = (BroadsheetAddFeedDialog *)object;

  stop_loading (self);
  g_clear_object (&self->fetcher);
  g_clear_object (&self->cache);
  g_clear_object (&self->existing_sources);
  gtk_widget_dispose_template (GTK_WIDGET (self), BROADSHEET_TYPE_ADD_FEED_DIALOG);

  G_OBJECT_CLASS (broadsheet_add_feed_dialog_parent_class)->dispose (object);
}

static void
broadsheet_add_feed_dialog_class_init (BroadsheetAddFeedDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = broadsheet_add_feed_dialog_dispose;

  /**
   * BroadsheetAddFeedDialog::add-source:
   * @self: the dialog
   * @source: the new feed, loaded already
   *
   * Emitted when the user adds a feed that loaded. The dialog closes itself
   * afterwards.
   */
  signals[ADD_SOURCE] =
    g_signal_new ("add-source",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, BROADSHEET_TYPE_SOURCE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/broadsheet-add-feed-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BroadsheetAddFeedDialog, entry_row);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetAddFeedDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetAddFeedDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetAddFeedDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, BroadsheetAddFeedDialog, status_label);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "add-feed.add", NULL, add_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
broadsheet_add_feed_dialog_init (BroadsheetAddFeedDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "add-feed.add", FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry_row));
}

/* Returns a dialog, modal for @parent, that adds a feed not already in
 * @sources (a list of BroadsheetSource; may be %NULL). New sources load
 * through @fetcher and @cache.
 */
BroadsheetAddFeedDialog *
broadsheet_add_feed_dialog_new (GtkWindow           *parent,
                                BroadsheetFetcher   *fetcher,
                                BroadsheetFeedCache *cache,
                                GListModel          *sources)
{
  BroadsheetAddFeedDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (fetcher == NULL || BROADSHEET_IS_FETCHER (fetcher), NULL);
  g_return_val_if_fail (cache == NULL || BROADSHEET_IS_FEED_CACHE (cache), NULL);
  g_return_val_if_fail (sources == NULL || G_IS_LIST_MODEL (sources), NULL);

  self = g_object_new (BROADSHEET_TYPE_ADD_FEED_DIALOG,
                       "transient-for", parent,
                       NULL);
  g_set_object (&self->fetcher, fetcher);
  g_set_object (&self->cache, cache);
  g_set_object (&self->existing_sources, sources);

  return self;
}

/* Puts @uri into the address field as if the user had typed it. */
void
broadsheet_add_feed_dialog_set_uri (BroadsheetAddFeedDialog *self,
                                    const char              *uri)
{
  g_return_if_fail (BROADSHEET_IS_ADD_FEED_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry_row), uri != NULL ? uri : "");
  gtk_editable_set_position (GTK_EDITABLE (self->entry_row), -1);
}
