import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::editors-note.editors-note');
