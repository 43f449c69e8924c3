import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Checkbox, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SignInRequest } from '@tadamon/shared';
import { errorMessage } from '../../../components/error-alert';
import { applyServerErrors, translateFieldError, zodIssueToMessage, type Issue } from '../../../lib/form-errors';
import { useSignIn } from '../api/sign-in';

type Field = 'identifier' | 'password';
type FieldErrors = Partial<Record<Field, string>>;
const FIELDS: readonly Field[] = ['identifier', 'password'];

// The shared schema (zod, ~30 kB gz) arrives after the page shows: fetched when the page is
// idle, while the person types, and awaited on submit if it has not come yet.
const loadSchema = () => import('@tadamon/shared').then((shared) => shared.signInRequestSchema);

/** The form's values checked by the shared schema; field errors as translatable messages. */
async function validate(values: SignInRequest): Promise<{ data: SignInRequest } | { errors: FieldErrors }> {
  const schema = await loadSchema();
  const result = schema.safeParse(values, { error: (issue) => zodIssueToMessage(issue as Issue) });
  if (result.success) return { data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as Field;
    if (FIELDS.includes(field)) errors[field] ??= issue.message;
  }
  return { errors };
}

/**
 * E-mail, phone number or username, and a password or PIN; "this is a shared phone" shortens
 * the session and clears the browser at sign-out. On success the session lands in the cache and
 * the guard moves on. A plain form (no react-hook-form): the sign-in page is the first thing a
 * phone on a slow line downloads, and two fields do not need a form library.
 */
export function SignInForm() {
  // Only `auth` is waited for: the messages (`errors`, `validation`) are fetched when the page
  // is idle and awaited before one is shown, so the form does not wait for text it may never show.
  const { t, i18n } = useTranslation('auth');
  const loadMessages = () => i18n.loadNamespaces(['errors', 'validation']);
  const signIn = useSignIn();
  const [error, setError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [submitting, setSubmitting] = useState(false);
  const inputs = useRef<Partial<Record<Field, HTMLInputElement | null>>>({});

  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((callback: () => void) => window.setTimeout(callback, 1500));
    idle(() => void Promise.all([loadSchema(), loadMessages()]));
  }, []); // eslint-disable-line react-hooks/exhaustive-deps -- once, at the first show

  const showFieldErrors = (errors: FieldErrors) => {
    setFieldErrors(errors);
    const first = FIELDS.find((field) => errors[field]);
    if (first) inputs.current[first]?.focus();
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setError(null);
    setSubmitting(true);
    const messages = loadMessages();
    try {
      const checked = await validate({
        identifier: String(data.get('identifier') ?? ''),
        password: String(data.get('password') ?? ''),
        sharedDevice: data.get('sharedDevice') !== null,
      });
      if ('errors' in checked) {
        await messages;
        return showFieldErrors(checked.errors);
      }
      setFieldErrors({});
      await signIn.mutateAsync(checked.data);
    } catch (cause) {
      const fromServer: FieldErrors = {};
      const applied = applyServerErrors<Record<Field, string>>(
        cause,
        (field, { message }) => {
          fromServer[field as Field] = message;
        },
        { fields: FIELDS },
      );
      await messages;
      if (applied) showFieldErrors(fromServer);
      else setError(cause);
    } finally {
      setSubmitting(false);
    }
  };

  // A field's message goes once the person changes what it is about.
  const clearError = (field: Field) => () => setFieldErrors((errors) => (errors[field] ? { ...errors, [field]: undefined } : errors));

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="sign-in-title">
      <Stack gap="md">
        {error ? (
          <Alert color="red" variant="light" role="alert" data-testid="sign-in-error">
            {errorMessage(t, error)}
          </Alert>
        ) : null}
        <TextInput
          name="identifier"
          ref={(input) => void (inputs.current.identifier = input)}
          label={t('auth:signIn.identifier')}
          description={t('auth:signIn.identifierHint')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          dir="auto"
          required
          onChange={clearError('identifier')}
          error={translateFieldError(t, fieldErrors.identifier)}
        />
        <PasswordInput
          name="password"
          ref={(input) => void (inputs.current.password = input)}
          label={t('auth:signIn.password')}
          autoComplete="current-password"
          required
          visibilityToggleButtonProps={{ 'aria-label': t('auth:showPassword') }}
          onChange={clearError('password')}
          error={translateFieldError(t, fieldErrors.password)}
        />
        <Checkbox name="sharedDevice" label={t('auth:signIn.sharedDevice')} description={t('auth:signIn.sharedDeviceHint')} />
        <Button type="submit" loading={submitting} fullWidth>
          {t('auth:signIn.submit')}
        </Button>
        <Group justify="space-between" gap="xs">
          <Anchor component={Link} to="/forgot-password" size="sm">
            {t('auth:signIn.forgotPassword')}
          </Anchor>
          <Anchor component={Link} to="/setup-code" size="sm">
            {t('auth:signIn.haveSetupCode')}
          </Anchor>
        </Group>
      </Stack>
    </form>
  );
}
