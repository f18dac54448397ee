/** A field's server errors, wired to it by id (aria-describedby): shown beside the field. */
export function FieldError({ id, errors }: { id: string; errors: string[] | undefined }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="error">
      {errors.join(' ')}
    </p>
  );
}

/** The props that tie an input to its error paragraph, if it has one. */
export const invalidProps = (id: string, errors: string[] | undefined) =>
  errors?.length ? { 'aria-invalid': true, 'aria-describedby': id } : {};
