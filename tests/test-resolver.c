/* test-resolver.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-resolver.h"

/* A resolver that knows only localhost and 127.0.0.1, so network tests
 * never reach past the machine and a failed lookup never asks DNS. It
 * counts the lookups it answers.
 */

#define TEST_TYPE_RESOLVER (test_resolver_get_type ())
G_DECLARE_FINAL_TYPE (TestResolver, test_resolver, TEST, RESOLVER, GResolver)

struct _TestResolver
{
  GResolver parent_instance;
};

G_DEFINE_FINAL_TYPE (TestResolver, test_resolver, G_TYPE_RESOLVER)

static guint n_lookups;

static GList *
resolve (const char  *hostname,
         GError     **error)
{
  n_lookups++;

  if (g_str_equal (hostname, "localhost") || g_str_equal (hostname, "127.0.0.1"))
    return g_list_prepend (NULL, g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4));

  g_set_error (error, G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND,
               "The test resolver does not know “%s”", hostname);
  return NULL;
}

static GList *
test_resolver_lookup_by_name (GResolver     *resolver,
                              const char    *hostname,
                              GCancellable  *cancellable,
                              GError       **error)
{
  return resolve (hostname, error);
}

static void
test_resolver_lookup_by_name_async (GResolver           *resolver,
                                    const char          *hostname,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (resolver, cancellable, callback, user_data);
  GError *error = NULL;
  GList *addresses;

  addresses = resolve (hostname, &error);
  if (addresses == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, addresses, (GDestroyNotify)g_resolver_free_addresses);
}

static GList *
test_resolver_lookup_by_name_finish (GResolver     *resolver,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static GList *
test_resolver_lookup_by_name_with_flags (GResolver                 *resolver,
                                         const char                *hostname,
                                         GResolverNameLookupFlags   flags,
                                         GCancellable              *cancellable,
                                         GError                   **error)
{
  return resolve (hostname, error);
}

static void
test_resolver_lookup_by_name_with_flags_async (GResolver                *resolver,
                                               const char               *hostname,
                                               GResolverNameLookupFlags  flags,
                                               GCancellable             *cancellable,
                                               GAsyncReadyCallback       callback,
                                               gpointer                  user_data)
{
  test_resolver_lookup_by_name_async (resolver, hostname, cancellable, callback, user_data);
}

static void
test_resolver_class_init (TestResolverClass *klass)
{
  GResolverClass *resolver_class = G_RESOLVER_CLASS (klass);

  resolver_class->lookup_by_name = test_resolver_lookup_by_name;
  resolver_class->lookup_by_name_async = test_resolver_lookup_by_name_async;
  resolver_class->lookup_by_name_finish = test_resolver_lookup_by_name_finish;
  resolver_class->lookup_by_name_with_flags = test_resolver_lookup_by_name_with_flags;
  resolver_class->lookup_by_name_with_flags_async = test_resolver_lookup_by_name_with_flags_async;
  resolver_class->lookup_by_name_with_flags_finish = test_resolver_lookup_by_name_finish;
}

static void
test_resolver_init (TestResolver *self)
{
}

/* Makes the fake resolver GIO's default for this process. */
void
test_resolver_install (void)
{
  g_autoptr(GResolver) resolver = g_object_new (TEST_TYPE_RESOLVER, NULL);

  g_resolver_set_default (resolver);
}

guint
test_resolver_get_n_lookups (void)
{
  return n_lookups;
}
