import '@testing-library/svelte/vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { NekodeskError } from '../../../main/core/errors';
import type { IdentifyAccount } from '../../../preload/contract';
import { FAKE_EMAIL, FAKE_PASSWORD } from './fake-identify';
import { openTab, renderIdentify } from './identify-support';

const GUEST: IdentifyAccount = {
  kind: 'guest',
  maskedKey: null,
  email: null,
  quota: { remaining: 3, limit: 5 },
  secureStorage: true,
};

async function signIn(password = FAKE_PASSWORD): Promise<void> {
  await fireEvent.input(screen.getByLabelText('Email'), { target: { value: FAKE_EMAIL } });
  await fireEvent.input(screen.getByLabelText('Password'), { target: { value: password } });
  await fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('Identify: account', () => {
  it('shows a guest the searches left, with both ways to do more', async () => {
    await renderIdentify({ 'identify:account': () => GUEST });
    await openTab('Account');
    expect(await screen.findByRole('heading', { name: 'Searching as a guest' })).toBeInTheDocument();
    expect(screen.getByText('3 of 5 searches left today.')).toBeInTheDocument();
    expect(screen.getByRole('form', { name: 'Use an API key' })).toBeInTheDocument();
    expect(screen.getByRole('form', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Sign out' })).not.toBeInTheDocument();
  });

  it('stores an API key from a password field, then shows only its masked form', async () => {
    const backend = await renderIdentify();
    await openTab('Account');
    const field = await screen.findByLabelText('API key');
    expect(field).toHaveAttribute('type', 'password');
    const save = screen.getByRole('button', { name: 'Save key' });

    await fireEvent.input(field, { target: { value: 'wa_short' } });
    expect(save).toBeEnabled();
    await fireEvent.input(field, { target: { value: 'wa_1234' } });
    expect(screen.getByText('An API key is at least 8 characters.')).toBeInTheDocument();
    expect(save).toBeDisabled();

    await fireEvent.input(field, { target: { value: 'wa_secret_value_9f3c' } });
    await fireEvent.click(save);
    expect(await screen.findByRole('heading', { name: 'Searching with your API key' })).toBeInTheDocument();
    expect(screen.getByText('wa_…9f3c')).toBeInTheDocument();
    expect(screen.getByLabelText('API key')).toHaveValue('');
    expect(document.body.textContent).not.toContain('wa_secret_value_9f3c');
    expect(backend.received.at(-1)).toEqual({
      channel: 'identify:set-api-key',
      request: { key: 'wa_secret_value_9f3c' },
    });
  });

  it('shows a refused sign-in inline, and forgets the password either way', async () => {
    await renderIdentify();
    await openTab('Account');
    await screen.findByRole('form', { name: 'Sign in' });
    await signIn('wrong password');
    expect(
      await screen.findByText('whatanimeisthis.com did not accept that email and password.'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Password')).toHaveValue('');
    expect(screen.getByLabelText('Email')).toHaveValue(FAKE_EMAIL);
  });

  it('signs in, then shows credits and API keys and creates a key', async () => {
    const backend = await renderIdentify();
    await openTab('Account');
    await screen.findByRole('form', { name: 'Sign in' });
    await signIn();

    expect(await screen.findByRole('heading', { name: `Signed in as ${FAKE_EMAIL}` })).toBeInTheDocument();
    expect(await screen.findByText('Paid credits')).toBeInTheDocument();
    expect(screen.getByText('20')).toBeInTheDocument();
    expect(screen.getByText('7 of 10', { exact: false })).toBeInTheDocument();
    const keys = await screen.findByRole('list', { name: 'API keys' });
    expect(within(keys).getAllByRole('listitem')).toHaveLength(1);

    await fireEvent.input(screen.getByLabelText('Title'), { target: { value: 'Laptop' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Create key' }));
    await waitFor(() => {
      expect(within(screen.getByRole('list', { name: 'API keys' })).getAllByRole('listitem')).toHaveLength(2);
    });
    expect(screen.getByText('wa_…9f3c')).toBeInTheDocument();
    expect(backend.received.some((call) => call.channel === 'identify:create-api-key')).toBe(true);
    const region = screen.getByRole('region', { name: 'Notifications' });
    expect(within(region).getByText(/Created the key “Laptop”/)).toBeInTheDocument();
  });

  it('signs out after a confirmation', async () => {
    await renderIdentify();
    await openTab('Account');
    await screen.findByRole('form', { name: 'Sign in' });
    await signIn();
    await screen.findByRole('heading', { name: `Signed in as ${FAKE_EMAIL}` });

    await fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    const confirm = screen.getByRole('alertdialog');
    await fireEvent.click(within(confirm).getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'Searching as a guest' })).toBeInTheDocument();
  });

  it('offers Sign in again when the session has expired, and shows credits and keys once signed in', async () => {
    const expiredMessage = 'Your whatanimeisthis.com session has expired. Sign in again.';
    let expired = true;
    const refuseIfExpired = (): void => {
      if (expired) throw new NekodeskError('unauthorized', expiredMessage);
    };
    const session: IdentifyAccount = { ...GUEST, kind: 'session', email: FAKE_EMAIL, quota: null };
    const backend = await renderIdentify({
      'identify:account': () => session,
      'identify:sign-in': ({ email, password }) => {
        if (email !== FAKE_EMAIL || password !== FAKE_PASSWORD)
          throw new NekodeskError('unauthorized', 'No.');
        expired = false;
        return session;
      },
      'identify:credits': () => {
        refuseIfExpired();
        return { credits: 20, dailyFreeCredits: 10, dailyFreeRemaining: 7, resetsAt: null };
      },
      'identify:api-keys': ({ page }) => {
        refuseIfExpired();
        return { items: [], page, pageSize: 10, total: 0 };
      },
    });
    await openTab('Account');
    const credits = within(await screen.findByRole('region', { name: 'Credits' }));
    expect(await credits.findByText(expiredMessage)).toBeInTheDocument();
    expect(credits.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
    const keys = within(screen.getByRole('region', { name: 'API keys' }));
    expect(await keys.findByRole('button', { name: 'Sign in again' })).toBeInTheDocument();
    expect(keys.getByRole('button', { name: 'Retry' })).toBeInTheDocument();

    await fireEvent.click(credits.getByRole('button', { name: 'Sign in again' }));
    const form = within(screen.getByRole('form', { name: 'Sign in again' }));
    expect(form.getByLabelText('Email')).toHaveValue(FAKE_EMAIL);
    expect(form.getByLabelText('Password')).toHaveFocus();
    await fireEvent.input(form.getByLabelText('Password'), { target: { value: FAKE_PASSWORD } });
    await fireEvent.click(form.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText('Paid credits')).toBeInTheDocument();
    expect(await screen.findByText('No API keys on this account yet.')).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Sign in again' })).not.toBeInTheDocument();
    expect(backend.received.filter((call) => call.channel === 'identify:sign-out')).toEqual([]);
  });

  it('explains why keys and sign-in are unavailable without secure storage', async () => {
    await renderIdentify({ 'identify:account': () => ({ ...GUEST, quota: null, secureStorage: false }) });
    await openTab('Account');
    const note = await screen.findByRole('note');
    expect(note).toHaveTextContent('API keys and sign-in are unavailable');
    expect(note).toHaveTextContent('keychain');
    expect(screen.queryByLabelText('API key')).not.toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Sign in' })).not.toBeInTheDocument();
  });
});
