import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::editors-note.editors-note');
