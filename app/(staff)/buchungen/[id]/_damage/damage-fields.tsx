'use client';
import { postPhoto } from '../../../../lib/photo-upload';
import type { Messages } from '../../../../messages/de';
import { FieldError, invalidProps } from './field';

type Texts = Messages['damage'];

/** What a damage form says, as the procedures take it: null where no answer to „fahrbereit?“ was chosen. */
export function damageOf(data: FormData) {
  const drivable = data.get('drivable');
  return {
    description: String(data.get('description') ?? ''),
    drivable: drivable === 'yes' ? true : drivable === 'no' ? false : null,
    photos: data.getAll('photos').filter((f): f is File => f instanceof File && f.size > 0),
  };
}

/** The report's photos, one by one after the report is written: the sentences of those refused. */
export async function uploadPhotos(damageId: string, files: File[], t: Texts): Promise<string[]> {
  const failures: string[] = [];
  for (const file of files) {
    const refusal = await postPhoto(`/api/schaeden/fotos?meldung=${encodeURIComponent(damageId)}`, file);
    if (refusal) failures.push(t.photoFailed(file.name, refusal));
  }
  return failures;
}

/** The description, „noch fahrbereit?“ and photos of a damage report, each with its error beside it. */
export function DamageFields({
  ids,
  fields,
  t,
}: {
  ids: string;
  fields: Record<string, string[] | undefined>;
  t: Texts;
}) {
  return (
    <>
      <label htmlFor={`${ids}-description`}>{t.description}</label>
      <textarea
        id={`${ids}-description`}
        name="description"
        rows={3}
        maxLength={2000}
        required
        {...invalidProps(`${ids}-description-error`, fields.description)}
      />
      <p className="hint">{t.descriptionHint}</p>
      <FieldError id={`${ids}-description-error`} errors={fields.description} />
      <fieldset {...invalidProps(`${ids}-drivable-error`, fields.drivable)}>
        <legend>{t.drivable}</legend>
        <label>
          <input type="radio" name="drivable" value="yes" /> {t.drivableYes}
        </label>
        <label>
          <input type="radio" name="drivable" value="no" /> {t.drivableNo}
        </label>
        <FieldError id={`${ids}-drivable-error`} errors={fields.drivable} />
      </fieldset>
      <label htmlFor={`${ids}-photos`}>{t.photos}</label>
      <input
        id={`${ids}-photos`}
        name="photos"
        type="file"
        accept="image/jpeg,image/png,image/webp"
        multiple
      />
    </>
  );
}
