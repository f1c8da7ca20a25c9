// Element Plus is loaded on demand: components and v-loading by unplugin-vue-components (electron.vite.config.mts),
// the zh-CN locale by <el-config-provider> in App.vue. The services called from scripts (ElMessage,
// ElMessageBox) are plain imports that the resolver does not see: their styles are loaded here, once.
import 'element-plus/es/components/message/style/css'
import 'element-plus/es/components/message-box/style/css'
import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { router } from './router'
import './styles/global.css'

createApp(App).use(createPinia()).use(router).mount('#app')
