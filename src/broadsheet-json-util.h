/* broadsheet-json-util.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

const char *broadsheet_json_peek_text    (JsonObject *object,
                                          const char *member);
char       *broadsheet_json_dup_string   (JsonObject *object,
                                          const char *member);
char       *broadsheet_json_dup_id       (JsonObject *object,
                                          const char *member);
gboolean    broadsheet_json_get_int      (JsonObject *object,
                                          const char *member,
                                          gint64     *value);
gboolean    broadsheet_json_get_true     (JsonObject *object,
                                          const char *member);
JsonArray  *broadsheet_json_get_array    (JsonObject *object,
                                          const char *member);
JsonObject *broadsheet_json_get_object   (JsonObject *object,
                                          const char *member);
GStrv       broadsheet_json_dup_strv     (JsonObject *object,
                                          const char *member);
GDateTime  *broadsheet_json_dup_datetime (JsonObject *object,
                                          const char *member);

G_END_DECLS
