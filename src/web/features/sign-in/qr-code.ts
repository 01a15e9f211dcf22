// The set-up page's QR code, drawn on the server as SVG (the qrcode package): no script, no image
// fetched from anywhere, the secret never leaves the page. Named for screen readers, which are told
// the key to type instead.
import QRCode from 'qrcode';

export async function drawQrCode(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return svg.replace('<svg ', '<svg width="200" height="200" role="img" aria-label="QR code for your authenticator app to scan" focusable="false" class="app-qr-code" data-qa="qr-code" ');
}
