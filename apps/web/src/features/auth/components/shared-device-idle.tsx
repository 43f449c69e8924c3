import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { SHARED_DEVICE_IDLE_MS, forgetSignedOutIdle, noteSignedOutIdle } from '../../../lib/device-data';
import { useSetSession, useSignedInSession } from '../../../lib/session';
import { signOutOfDevice } from '../api/sign-out';

const ACTIVITY = ['pointerdown', 'keydown', 'scroll', 'touchstart'] as const;
const CHECK_EVERY_MS = 15_000;

/**
 * On a shared phone, 15 minutes without a touch or a key end the session here as they do on
 * the server, and the person's data leaves the browser — the next person finds the sign-in
 * page, not someone else's space. Time is read from the clock at each check, so a phone that
 * slept (timers paused) signs out as soon as it wakes.
 */
export function SharedDeviceIdle() {
  const session = useSignedInSession();
  const setSession = useSetSession();
  const navigate = useNavigate();
  const lastActivity = useRef(Date.now());
  // The effect must not restart (and forget the idle time) when these change identity.
  const end = useRef(() => {});
  end.current = () => {
    noteSignedOutIdle();
    setSession(null);
    void navigate('/sign-in', { replace: true });
  };

  // Signed in again: the sign-in page's "you were signed out" note has served.
  useEffect(forgetSignedOutIdle, []);

  useEffect(() => {
    if (!session.sharedDevice) return;
    lastActivity.current = Date.now();
    let ending = false;
    const touch = () => {
      lastActivity.current = Date.now();
    };
    const check = () => {
      if (ending || Date.now() - lastActivity.current < SHARED_DEVICE_IDLE_MS) return;
      ending = true;
      void signOutOfDevice({ sharedDevice: true })
        .catch(() => undefined)
        .finally(() => end.current());
    };
    ACTIVITY.forEach((event) => window.addEventListener(event, touch, { passive: true }));
    document.addEventListener('visibilitychange', check);
    const timer = window.setInterval(check, CHECK_EVERY_MS);
    return () => {
      ACTIVITY.forEach((event) => window.removeEventListener(event, touch));
      document.removeEventListener('visibilitychange', check);
      window.clearInterval(timer);
    };
  }, [session.sharedDevice]);

  return null;
}
