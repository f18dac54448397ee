'use client';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useMessages } from '../../../lib/i18n';
import { useTRPC } from '../../../lib/trpc';
import { BlockForm } from './block-form';
import { BlockList } from './block-list';

/** Cars out of service: the blocks that run or are coming, and a form that shows what a new one would do. */
export function BlocksView() {
  const messages = useMessages();
  const trpc = useTRPC();
  const settings = useQuery(trpc.region.settings.queryOptions());
  const [notice, setNotice] = useState<string | null>(null);
  const timeZone = settings.data?.timeZone;
  if (!timeZone) return <p>{messages.errors.loading}</p>;

  return (
    <>
      <h1>{messages.manage.blocks.title}</h1>
      <p className="hint">{messages.manage.blocks.intro}</p>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <BlockForm timeZone={timeZone} onDone={setNotice} />
      <BlockList timeZone={timeZone} onDone={setNotice} />
    </>
  );
}
