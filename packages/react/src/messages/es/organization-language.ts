import type { Messages } from '../types.js';

export const organizationLanguage: Messages['organizationLanguage'] = {
  label: 'Idioma de la organización',
  description: 'Las invitaciones y los demás correos a sus miembros se escriben en este idioma.',
  save: 'Guardar idioma',
  saved: 'El idioma de la organización ahora es {language}.',
  ownerOnly: 'Solo el propietario puede cambiar el idioma de la organización.',
  error: 'No se pudo cambiar el idioma',
  loadError: 'No se pudo cargar el idioma de la organización',
};
