import { createApp } from 'vue';
// Defines <seatkit-account-users>, <seatkit-access-gate> and <seatkit-accept-invitation>.
import '@seatkit/elements';
import App from './App.vue';

createApp(App).mount('#app');
