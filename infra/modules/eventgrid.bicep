// Event Grid system topic on the storage account. The webhook subscription to
// the blob trigger is added by infra/hooks/postdeploy.sh, because its URL needs
// the blobs_extension system key, which exists only once the code is deployed.
param name string
param location string
param tags object
param storageAccountName string

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2022-06-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

output name string = systemTopic.name
