// Points the app's absolute URLs at its public origin (the Front Door endpoint) once that exists: the function app
// module cannot know it, as the endpoint is created after the app it fronts. Keeps every other app setting.
param functionAppName string

@description('Origin every absolute URL in feeds and pages uses, e.g. https://feeds-abc.z01.azurefd.net')
param publicBaseUrl string

resource site 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: union(list('${site.id}/config/appsettings', '2024-04-01').properties, { Syndication__PublicBaseUrl: publicBaseUrl })
}
