import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::editors-note.editors-note');
