/**
 * Sends a photo as the raw body to one of the app's photo routes, which checks it by its bytes.
 * Returns the refusal's sentence (the server's, in the person's language), or null when it was kept.
 */
export async function postPhoto(url: string, file: File): Promise<string | null> {
  const answer = await fetch(url, {
    method: 'POST',
    body: file,
    headers: { 'Content-Type': file.type || 'application/octet-stream' },
  });
  if (answer.ok) return null;
  const body = (await answer.json().catch(() => null)) as { error?: { message?: string } } | null;
  return body?.error?.message ?? answer.statusText;
}
