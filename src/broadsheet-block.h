/* broadsheet-block.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "broadsheet-photo.h"
#include "broadsheet-rich-text.h"

G_BEGIN_DECLS

typedef enum
{
  BROADSHEET_BLOCK_PARAGRAPH,
  BROADSHEET_BLOCK_HEADING,
  BROADSHEET_BLOCK_LIST,
  BROADSHEET_BLOCK_QUOTE,
  BROADSHEET_BLOCK_GO_DEEPER,
  BROADSHEET_BLOCK_IMAGE,
  BROADSHEET_BLOCK_PREFORMATTED,
  BROADSHEET_BLOCK_RULE,
} BroadsheetBlockKind;

#define BROADSHEET_TYPE_BLOCK_KIND (broadsheet_block_kind_get_type ())
GType broadsheet_block_kind_get_type (void) G_GNUC_CONST;

#define BROADSHEET_TYPE_BLOCK (broadsheet_block_get_type ())

G_DECLARE_FINAL_TYPE (BroadsheetBlock, broadsheet_block, BROADSHEET, BLOCK, GObject)

BroadsheetBlock     *broadsheet_block_new             (BroadsheetBlockKind  kind);
BroadsheetBlockKind  broadsheet_block_get_kind        (BroadsheetBlock     *self);
const char          *broadsheet_block_get_label       (BroadsheetBlock     *self);
void                 broadsheet_block_set_label       (BroadsheetBlock     *self,
                                                       const char          *label);
BroadsheetRichText  *broadsheet_block_get_text        (BroadsheetBlock     *self);
void                 broadsheet_block_set_text        (BroadsheetBlock     *self,
                                                       BroadsheetRichText  *text);
guint                broadsheet_block_get_n_items     (BroadsheetBlock     *self);
BroadsheetRichText  *broadsheet_block_get_item        (BroadsheetBlock     *self,
                                                       guint                index);
void                 broadsheet_block_add_item        (BroadsheetBlock     *self,
                                                       BroadsheetRichText  *item);
void                 broadsheet_block_add_nested_item (BroadsheetBlock     *self,
                                                       BroadsheetRichText  *item,
                                                       guint                depth);
guint                broadsheet_block_get_item_depth  (BroadsheetBlock     *self,
                                                       guint                index);
gboolean             broadsheet_block_get_ordered     (BroadsheetBlock     *self);
void                 broadsheet_block_set_ordered     (BroadsheetBlock     *self,
                                                       gboolean             ordered);
const char          *broadsheet_block_get_attribution (BroadsheetBlock     *self);
void                 broadsheet_block_set_attribution (BroadsheetBlock     *self,
                                                       const char          *attribution);
const char          *broadsheet_block_get_title       (BroadsheetBlock     *self);
void                 broadsheet_block_set_title       (BroadsheetBlock     *self,
                                                       const char          *title);
const char          *broadsheet_block_get_url         (BroadsheetBlock     *self);
void                 broadsheet_block_set_url         (BroadsheetBlock     *self,
                                                       const char          *url);
BroadsheetPhoto     *broadsheet_block_get_photo       (BroadsheetBlock     *self);
void                 broadsheet_block_set_photo       (BroadsheetBlock     *self,
                                                       BroadsheetPhoto     *photo);
gboolean             broadsheet_block_equal           (BroadsheetBlock     *a,
                                                       BroadsheetBlock     *b);

guint64          broadsheet_block_digest (BroadsheetBlock *self,
                                          guint64          digest);

G_END_DECLS
