// The new-case sound: two short tones made with WebAudio, so nothing is loaded from anywhere
// (the CSP allows no media source). Where the page has no AudioContext, silence.

/** The page's AudioContext class, if it has one (tests may put one in its place). */
const audioContextClass = (): typeof AudioContext | undefined =>
  typeof window === 'undefined' ? undefined : window.AudioContext;

/** A rising two-note chime, about a third of a second, quiet enough for a shop floor. */
export function playChime(): boolean {
  const Context = audioContextClass();
  if (!Context) return false;
  const context = new Context();
  const start = context.currentTime;
  const notes = [660, 880];
  notes.forEach((frequency, i) => {
    const at = start + i * 0.16;
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.2, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.15);
    oscillator.connect(gain);
    gain.connect(context.destination);
    oscillator.start(at);
    oscillator.stop(at + 0.16);
    // The context is let go once the last note has played.
    if (i === notes.length - 1) oscillator.onended = () => void context.close();
  });
  return true;
}
