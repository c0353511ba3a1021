import { plural, type EmailMessages } from './messages.js';

const days = plural('nl');

export const nl: EmailMessages = {
  greeting: ({ firstName }) => `Hallo ${firstName},`,
  linkLine: ({ label, url }) => `${label}: ${url}`,
  fullName: ({ firstName, lastName }) => `${firstName} ${lastName}`,
  roles: { owner: 'Eigenaar', admin: 'Beheerder', member: 'Lid' },
  openProduct: ({ product }) => `${product} openen`,
  invitation: {
    subject: ({ org }) => `Uitnodiging voor ${org}`,
    invitedBy: ({ inviter, org, role }) => `${inviter} heeft je uitgenodigd om lid te worden van ${org} met de rol ${role}.`,
    invited: ({ org, role }) => `Je bent uitgenodigd om lid te worden van ${org} met de rol ${role}.`,
    action: ({ org }) => `Uitnodiging voor ${org} accepteren`,
    expiry: ({ date }) => `De link is geldig tot ${date}. Als je deze e-mail niet verwachtte, kun je hem negeren.`,
  },
  welcome: {
    subject: ({ org }) => `Je account bij ${org}`,
    created: ({ org }) => `Er is een account voor je aangemaakt bij ${org}.`,
    details: 'Accountgegevens',
    name: ({ name }) => `Naam: ${name}`,
    email: ({ email }) => `E-mailadres (hiermee log je in): ${email}`,
    role: ({ role }) => `Rol: ${role}`,
    organization: ({ org }) => `Organisatie: ${org}`,
    action: ({ org }) => `Inloggen bij ${org}`,
  },
  removal: {
    subject: ({ org }) => `Je account bij ${org} wordt verwijderd`,
    removed: ({ org }) => `Je account bij ${org} is ingetrokken en staat gepland voor verwijdering. Je hebt geen toegang meer tot ${org}.`,
    mistake: ({ org }) => `Denk je dat dit een vergissing is? Neem dan contact op met een beheerder van ${org}.`,
  },
  seatAssigned: {
    subject: ({ product }) => `${product} is aan je toegewezen`,
    assigned: ({ product, org }) => `Je hebt nu een licentie voor ${product} bij ${org}.`,
  },
  seatRequested: {
    subject: ({ requester, product }) => `${requester} vraagt een licentie voor ${product} aan`,
    asked: ({ requester, email, product, org }) => `${requester} (${email}) vraagt een licentie voor ${product} aan bij ${org}.`,
    note: ({ note }) => `Toelichting: ${note}`,
    action: ({ requester }) => `Aanvraag van ${requester} beoordelen`,
  },
  seatRequestApproved: {
    subject: ({ product }) => `Je licentie voor ${product} staat klaar`,
    approved: ({ product, org }) => `Je aanvraag voor een licentie voor ${product} bij ${org} is goedgekeurd: de licentie is van jou.`,
  },
  seatRequestDenied: {
    subject: ({ product }) => `Je aanvraag voor ${product} is afgewezen`,
    denied: ({ product, org }) => `Je aanvraag voor een licentie voor ${product} bij ${org} is afgewezen.`,
    reason: ({ reason }) => `Opgegeven reden: ${reason}`,
    contact: ({ org }) => `Heb je de licentie nog nodig? Neem dan contact op met een beheerder van ${org}.`,
  },
  seatIdleWarning: {
    subject: ({ product }) => `Je licentie voor ${product} wordt binnenkort vrijgegeven`,
    idle: ({ product, org, days: n, date }) =>
      days(n, {
        one: `Je licentie voor ${product} bij ${org} is al een tijd niet gebruikt. Licenties die # dag niet gebruikt worden, worden vrijgegeven; die van jou op ${date}.`,
        other: `Je licentie voor ${product} bij ${org} is al een tijd niet gebruikt. Licenties die # dagen niet gebruikt worden, worden vrijgegeven; die van jou op ${date}.`,
      }),
    keep: ({ product }) => `Open ${product} vóór die datum om je licentie te houden.`,
  },
  seatReclaimed: {
    subject: ({ product }) => `Je licentie voor ${product} is vrijgegeven`,
    released: ({ product, org, days: n }) =>
      days(n, {
        one: `Je licentie voor ${product} bij ${org} is vrijgegeven na # dag zonder gebruik.`,
        other: `Je licentie voor ${product} bij ${org} is vrijgegeven na # dagen zonder gebruik.`,
      }),
    action: ({ product }) => `${product} opnieuw aanvragen`,
  },
};
