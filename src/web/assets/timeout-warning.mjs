// The GOV.UK timeout warning: a modal dialog some minutes before the session would end, with "Stay
// signed in" (or Escape) to carry on and a way to sign out. The page says how long its session has
// left, as the server knows it; before warning, and again at the end, the script asks the server
// (without counting as use), since another tab may have used the session meanwhile. When the session
// has ended it says so, and leaves the page as it is: a kept form's typed answers are kept when saved.
// Pages work without it: the server signs out after the idle time either way.

const dialog = document.getElementById('timeout-warning');
if (dialog && typeof dialog.showModal === 'function') start(dialog);

function start(dialog) {
  const data = dialog.dataset;
  const warnMs = Number(data.warnSeconds) * 1000;
  const keepsForm = data.keepsForm === 'true';
  const parts = {
    heading: document.getElementById('timeout-warning-heading'),
    text: document.getElementById('timeout-warning-text'),
    kept: document.getElementById('timeout-warning-kept'),
    announce: document.getElementById('timeout-warning-announce'),
    stay: document.getElementById('timeout-warning-stay'),
    signIn: document.getElementById('timeout-warning-sign-in'),
    signOut: document.getElementById('timeout-warning-sign-out'),
  };
  let endsAt = Date.now() + Number(data.secondsLeft) * 1000;
  let endsBy = data.endsBy;
  let signedOut = false;
  let timer;
  let ticker;
  let spoken = '';
  let focusBefore = null;

  const inWords = (seconds) => {
    if (seconds >= 60) {
      const minutes = Math.ceil(seconds / 60);
      return `${minutes} minute${minutes === 1 ? '' : 's'}`;
    }
    return `${seconds} second${seconds === 1 ? '' : 's'}`;
  };
  const secondsLeft = () => Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));

  async function ask(method, url) {
    try {
      const response = await fetch(url, {
        method,
        credentials: 'same-origin',
        headers: { accept: 'application/json', ...(method === 'POST' ? { 'csrf-token': data.csrfToken } : {}) },
      });
      if (response.status === 401) return { secondsLeft: 0, endsBy: null };
      if (!response.ok) return null;
      return await response.json();
    } catch {
      return null;
    }
  }

  /** Takes the server's answer; returns the seconds left (the page's own estimate when it could not be asked). */
  function learn(answer) {
    if (answer) {
      endsAt = Date.now() + answer.secondsLeft * 1000;
      if (answer.endsBy) endsBy = answer.endsBy;
    }
    return secondsLeft();
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(checkBeforeWarning, Math.max(0, endsAt - warnMs - Date.now()));
  }

  async function checkBeforeWarning() {
    const left = learn(await ask('GET', '/session/time-left'));
    if (left <= 0) return showSignedOut();
    if (left * 1000 > warnMs) return schedule();
    open();
  }

  async function checkAtEnd() {
    const left = learn(await ask('GET', '/session/time-left'));
    if (left <= 0) return showSignedOut();
    if (left * 1000 > warnMs) {
      close();
      return schedule();
    }
    clearTimeout(timer);
    timer = setTimeout(checkAtEnd, left * 1000);
  }

  function render() {
    const left = secondsLeft();
    const words = inWords(left);
    const time = parts.text.querySelector('.app-timeout-warning__time');
    if (time) time.textContent = words;
    // Spoken once a minute, then every 15 seconds in the last minute: not every second.
    const toSay = left >= 60 || left % 15 === 0 ? `We will sign you out in ${words}.` : spoken;
    if (toSay !== spoken) {
      spoken = toSay;
      parts.announce.textContent = toSay;
    }
  }

  function open() {
    if (!dialog.open) {
      focusBefore = document.activeElement;
      if (endsBy === 'absolute') {
        parts.text.innerHTML = 'Your session reaches its time limit in <span class="app-timeout-warning__time"></span>. Save your work now; then sign in again to carry on.';
        parts.stay.textContent = 'Continue';
      }
      dialog.showModal();
      dialog.focus();
    }
    render();
    clearInterval(ticker);
    ticker = setInterval(render, 1000);
    clearTimeout(timer);
    timer = setTimeout(checkAtEnd, secondsLeft() * 1000);
  }

  function close() {
    clearInterval(ticker);
    if (dialog.open) dialog.close();
    if (focusBefore && typeof focusBefore.focus === 'function') focusBefore.focus();
  }

  function showSignedOut() {
    signedOut = true;
    clearInterval(ticker);
    clearTimeout(timer);
    parts.heading.textContent = 'You have been signed out';
    parts.text.textContent =
      endsBy === 'absolute'
        ? 'For your security, you were signed out because your session reached its time limit.'
        : `For your security, you were signed out because you had not used the service for ${data.idleMinutes} minutes.`;
    parts.kept.hidden = !keepsForm;
    parts.signIn.hidden = keepsForm;
    parts.signIn.href = data.signInUrl;
    parts.signOut.hidden = true;
    parts.stay.textContent = keepsForm ? 'Back to the form' : 'Close';
    parts.announce.textContent = parts.heading.textContent;
    if (!dialog.open) {
      focusBefore = document.activeElement;
      dialog.showModal();
      dialog.focus();
    }
  }

  async function stay() {
    if (signedOut || endsBy === 'absolute') {
      close();
      if (!signedOut) {
        clearTimeout(timer);
        timer = setTimeout(checkAtEnd, secondsLeft() * 1000);
      }
      return;
    }
    const left = learn(await ask('POST', '/session/keep-alive'));
    if (left <= 0) return showSignedOut();
    close();
    if (endsBy === 'absolute' && left * 1000 <= warnMs) {
      clearTimeout(timer);
      timer = setTimeout(checkAtEnd, left * 1000);
      return;
    }
    schedule();
  }

  parts.stay.addEventListener('click', () => void stay());
  // Escape is "Stay signed in", as the pattern says, not a silent close.
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    void stay();
  });
  schedule();
}
