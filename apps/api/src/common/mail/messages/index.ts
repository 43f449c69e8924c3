/** Localised e-mail texts: one function per message, returning {subject, text, html}. */
export { invitationMail, type InvitationMailInput } from './invitation.mail.js';
export { passwordResetMail, type PasswordResetMailInput } from './password-reset.mail.js';
export { escapeHtml, type RenderedMail } from './render-mail.js';
