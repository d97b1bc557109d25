/* broadsheet-label-util.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include "broadsheet-label-util.h"

/* Shows @text as plain text, or hides the label when there is none, so an
 * absent kicker or caption leaves no gap.
 */
void
broadsheet_label_set_optional_text (GtkLabel   *label,
                                    const char *text)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
}
