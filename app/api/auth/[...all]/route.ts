import { auth } from '@/server/context';

// better-auth's own endpoints (sign-in, sign-out, session), bound to the process's database.
const handler = async (req: Request) => (await auth()).handler(req);

export { handler as GET, handler as POST };
