/* broadsheet-block-widgets.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "broadsheet-block-widgets.h"
#include "broadsheet-photo-figure.h"
#include "broadsheet-uri.h"

/* Native GTK widgets for the blocks of a story's body. Markup given to a
 * label is always built by broadsheet_rich_text_to_markup() or escaped here,
 * so feed text is never read as Pango markup.
 */

static void
launch_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GWeakRef *widget_ref = user_data;
  g_autoptr(GtkWidget) widget = g_weak_ref_get (widget_ref);
  g_autoptr(GError) error = NULL;

  g_weak_ref_clear (widget_ref);
  g_free (widget_ref);

  if (g_app_info_launch_default_for_uri_finish (result, &error))
    return;

  g_debug ("Could not open link: %s", error->message);
  /* The window tells the reader, in a toast. */
  if (widget != NULL)
    gtk_widget_activate_action (widget, "win.link-failed", "s", error->message);
}

/* Opens an http, https or mailto link in the user's default application.
 * Returns %TRUE when the link was handed over, %FALSE when it was refused.
 */
gboolean
broadsheet_open_web_link (GtkWidget  *widget,
                          const char *uri)
{
  g_autoptr(GAppLaunchContext) context = NULL;
  GWeakRef *widget_ref;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  if (!broadsheet_uri_is_web_link (uri, TRUE))
    {
      g_debug ("Refused to open a link that is not http, https or mailto");
      return FALSE;
    }

  context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (gtk_widget_get_display (widget)));
  widget_ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (widget_ref, widget);
  g_app_info_launch_default_for_uri_async (uri, context, NULL, launch_cb, widget_ref);
  return TRUE;
}

static gboolean
activate_link_cb (GtkLabel   *label,
                  const char *uri,
                  gpointer    user_data)
{
  broadsheet_open_web_link (GTK_WIDGET (label), uri);
  /* Handled either way: GTK must not open a refused link itself. */
  return TRUE;
}

static GtkWidget *
wrapping_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

/* A label for markup built from escaped feed text, whose links open safely. */
static GtkWidget *
text_label (const char *markup,
            const char *css_class)
{
  GtkWidget *label = wrapping_label (css_class);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  g_signal_connect (label, "activate-link", G_CALLBACK (activate_link_cb), NULL);

  return label;
}

static GtkWidget *
plain_label (const char *text,
             const char *css_class)
{
  GtkWidget *label = wrapping_label (css_class);

  gtk_label_set_text (GTK_LABEL (label), text);
  return label;
}

static char *
labelled_markup (const char         *label,
                 BroadsheetRichText *text)
{
  g_autofree char *body = broadsheet_rich_text_to_markup (text);
  g_autofree char *escaped_label = NULL;

  if (label == NULL)
    return g_steal_pointer (&body);

  escaped_label = g_markup_escape_text (label, -1);
  return g_strdup_printf ("<b>%s</b> %s", escaped_label, body);
}

static GtkWidget *
paragraph_new (BroadsheetBlock *block,
               const char      *css_class)
{
  g_autofree char *markup = labelled_markup (broadsheet_block_get_label (block),
                                             broadsheet_block_get_text (block));

  return text_label (markup, css_class);
}

#define MAX_LIST_DEPTH 8

static char *
list_marker (gboolean ordered,
             guint    depth,
             guint    number)
{
  static const char * const bullets[] = { "•", "◦", "▪" };

  if (ordered)
    /* Translators: the number before an item of a numbered list. */
    return g_strdup_printf (_("%u."), number);
  return g_strdup (bullets[depth % G_N_ELEMENTS (bullets)]);
}

static GtkWidget *
list_new (BroadsheetBlock *block)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  const char *label = broadsheet_block_get_label (block);
  gboolean ordered = broadsheet_block_get_ordered (block);
  guint numbers[MAX_LIST_DEPTH + 1] = { 0, };

  gtk_widget_add_css_class (box, "story-list");
  if (label != NULL)
    gtk_box_append (GTK_BOX (box), plain_label (label, "list-label"));

  for (guint i = 0; i < broadsheet_block_get_n_items (block); i++)
    {
      guint depth = MIN (broadsheet_block_get_item_depth (block, i), MAX_LIST_DEPTH);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      g_autofree char *markup = broadsheet_rich_text_to_markup (broadsheet_block_get_item (block, i));
      g_autofree char *marker = NULL;
      GtkWidget *bullet;
      GtkWidget *item = text_label (markup, "story-text");

      /* Numbering restarts inside each nested list. */
      numbers[depth]++;
      for (guint deeper = depth + 1; deeper <= MAX_LIST_DEPTH; deeper++)
        numbers[deeper] = 0;

      marker = list_marker (ordered, depth, numbers[depth]);
      bullet = gtk_label_new (marker);
      gtk_widget_set_valign (bullet, GTK_ALIGN_START);
      gtk_widget_add_css_class (bullet, "bullet");
      gtk_widget_set_margin_start (row, 20 * depth);
      gtk_widget_set_hexpand (item, TRUE);
      gtk_box_append (GTK_BOX (row), bullet);
      gtk_box_append (GTK_BOX (row), item);
      gtk_box_append (GTK_BOX (box), row);
    }

  return box;
}

static GtkWidget *
preformatted_new (BroadsheetBlock *block)
{
  GtkWidget *label = plain_label (broadsheet_rich_text_get_text (broadsheet_block_get_text (block)),
                                  "story-preformatted");
  GtkWidget *scroller = gtk_scrolled_window_new ();

  /* Code keeps its lines: long ones scroll sideways instead of wrapping. */
  gtk_label_set_wrap (GTK_LABEL (label), FALSE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  gtk_widget_add_css_class (scroller, "story-code");
  return scroller;
}

static GtkWidget *
quote_new (BroadsheetBlock *block)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  const char *attribution = broadsheet_block_get_attribution (block);
  g_autofree char *markup = broadsheet_rich_text_to_markup (broadsheet_block_get_text (block));

  gtk_widget_add_css_class (box, "pull-quote");
  gtk_box_append (GTK_BOX (box), text_label (markup, "pull-quote-text"));

  if (attribution != NULL)
    {
      /* Translators: attribution under a pull quote, as in "— Maria Okafor, harbour master". */
      g_autofree char *text = g_strdup_printf (_("— %s"), attribution);

      gtk_box_append (GTK_BOX (box), plain_label (text, "pull-quote-attribution"));
    }

  return box;
}

static GtkWidget *
go_deeper_new (BroadsheetBlock *block)
{
  const char *label = broadsheet_block_get_label (block);
  g_autofree char *escaped_label = g_markup_escape_text (label != NULL ? label : _("Go deeper:"), -1);
  g_autofree char *escaped_url = g_markup_escape_text (broadsheet_block_get_url (block), -1);
  g_autofree char *escaped_title = g_markup_escape_text (broadsheet_block_get_title (block), -1);
  g_autofree char *markup = g_strdup_printf ("<b>%s</b> <a href=\"%s\">%s</a>",
                                             escaped_label, escaped_url, escaped_title);
  GtkWidget *widget = text_label (markup, "go-deeper");

  gtk_widget_set_tooltip_text (widget, broadsheet_block_get_url (block));
  return widget;
}

/* Returns a new widget showing @block. */
GtkWidget *
broadsheet_block_widget_new (BroadsheetBlock *block)
{
  g_return_val_if_fail (BROADSHEET_IS_BLOCK (block), NULL);

  switch (broadsheet_block_get_kind (block))
    {
    case BROADSHEET_BLOCK_PARAGRAPH:
      return paragraph_new (block, "story-text");

    case BROADSHEET_BLOCK_HEADING:
      return paragraph_new (block, "story-heading");

    case BROADSHEET_BLOCK_LIST:
      return list_new (block);

    case BROADSHEET_BLOCK_QUOTE:
      return quote_new (block);

    case BROADSHEET_BLOCK_GO_DEEPER:
      return go_deeper_new (block);

    case BROADSHEET_BLOCK_IMAGE:
      return broadsheet_photo_figure_new (broadsheet_block_get_photo (block));

    case BROADSHEET_BLOCK_PREFORMATTED:
      return preformatted_new (block);

    case BROADSHEET_BLOCK_RULE:
      return gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);

    default:
      g_return_val_if_reached (NULL);
    }
}
