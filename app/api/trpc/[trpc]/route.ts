import { createContext } from '@/server/context';
import { env } from '@/server/env';
import { trpcHttpHandler } from '@/server/http/trpc-handler';

const handler = trpcHttpHandler({
  appOrigin: new URL(env().APP_URL).origin,
  createContext: (request) => createContext({ headers: request.headers }),
});

export { handler as GET, handler as POST };
