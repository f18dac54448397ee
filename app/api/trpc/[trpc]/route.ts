import { createContext } from '@/server/context';
import { env } from '@/server/env';
import { trpcHttpHandler } from '@/server/http/trpc-handler';

const handler = trpcHttpHandler({
  appOrigin: new URL(env().APP_URL).origin,
  createContext: (request) => createContext({ headers: request.headers }),
});

// The other methods are exported too, so that they get the API's typed 405 rather than an empty one.
export {
  handler as DELETE,
  handler as GET,
  handler as OPTIONS,
  handler as PATCH,
  handler as POST,
  handler as PUT,
};
