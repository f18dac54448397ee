'use client';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { problemOf } from '../../../lib/errors';
import { useMessages } from '../../../lib/i18n';

/** A query's answer, or a loading line (announced), or the server's German message. */
export function Async<T, E>({
  query,
  children,
}: {
  query: UseQueryResult<T, E>;
  children: (data: T) => ReactNode;
}) {
  const messages = useMessages();
  if (query.isError)
    return (
      <p className="error" role="alert">
        {messages.dashboard.failed} {problemOf(query.error).message}
      </p>
    );
  if (query.data === undefined) return <p role="status">{messages.errors.loading}</p>;
  return <>{children(query.data)}</>;
}
