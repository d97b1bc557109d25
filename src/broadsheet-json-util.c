/* broadsheet-json-util.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include "broadsheet-json-util.h"

/* Typed reads of JSON members that never warn on a wrong type: json-glib
 * logs criticals when asked for a string that is a number, and feeds get
 * types wrong all the time. A member of the wrong type reads as missing.
 */

static JsonNode *
member_value (JsonObject *object,
              const char *member,
              GType       type)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != type)
    return NULL;
  return node;
}

/* Returns the member's text with surrounding white space removed, or NULL
 * when it is missing, not a string or blank.
 */
char *
broadsheet_json_dup_string (JsonObject *object,
                            const char *member)
{
  JsonNode *node = member_value (object, member, G_TYPE_STRING);
  g_autofree char *text = NULL;

  if (node == NULL)
    return NULL;

  text = g_strstrip (g_strdup (json_node_get_string (node)));
  if (*text == '\0')
    return NULL;
  return g_steal_pointer (&text);
}

/* The member's text as it is, or NULL when it is missing, not a string or
 * blank; broadsheet_json_dup_string() without the copy or the stripping.
 */
const char *
broadsheet_json_peek_text (JsonObject *object,
                           const char *member)
{
  JsonNode *node = member_value (object, member, G_TYPE_STRING);
  const char *text;

  if (node == NULL)
    return NULL;

  text = json_node_get_string (node);
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return text;
  return NULL;
}

/* Like broadsheet_json_dup_string(), but a whole number is accepted too. */
char *
broadsheet_json_dup_id (JsonObject *object,
                        const char *member)
{
  JsonNode *node = member_value (object, member, G_TYPE_INT64);

  if (node != NULL)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  return broadsheet_json_dup_string (object, member);
}

gboolean
broadsheet_json_get_int (JsonObject *object,
                         const char *member,
                         gint64     *value)
{
  JsonNode *node = member_value (object, member, G_TYPE_INT64);

  if (node == NULL)
    return FALSE;
  *value = json_node_get_int (node);
  return TRUE;
}

/* Returns the boolean @member, or %FALSE when it is missing or not a boolean. */
gboolean
broadsheet_json_get_true (JsonObject *object,
                          const char *member)
{
  JsonNode *node = member_value (object, member, G_TYPE_BOOLEAN);

  return node != NULL && json_node_get_boolean (node);
}

JsonArray *
broadsheet_json_get_array (JsonObject *object,
                           const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

JsonObject *
broadsheet_json_get_object (JsonObject *object,
                            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* Returns the non-blank strings of an array member; other elements are left
 * out. NULL when there are none.
 */
GStrv
broadsheet_json_dup_strv (JsonObject *object,
                          const char *member)
{
  JsonArray *array = broadsheet_json_get_array (object, member);
  g_autoptr(GStrvBuilder) builder = NULL;
  guint n_added = 0;

  if (array == NULL)
    return NULL;

  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *text = NULL;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        continue;
      text = g_strstrip (g_strdup (json_node_get_string (node)));
      if (*text == '\0')
        continue;
      g_strv_builder_add (builder, text);
      n_added++;
    }

  return n_added > 0 ? g_strv_builder_end (builder) : NULL;
}

/* Reads an ISO 8601 date and time; one without an offset is taken as UTC. */
GDateTime *
broadsheet_json_dup_datetime (JsonObject *object,
                              const char *member)
{
  g_autofree char *text = broadsheet_json_dup_string (object, member);
  g_autoptr(GTimeZone) utc = NULL;

  if (text == NULL)
    return NULL;

  utc = g_time_zone_new_utc ();
  return g_date_time_new_from_iso8601 (text, utc);
}
