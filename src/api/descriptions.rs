//! Descriptions `kubectl explain` prints for the most used types and
//! fields, written after the Kubernetes API reference
//! (<https://kubernetes.io/docs/reference/kubernetes-api/>). Fields without
//! an entry are explained by their type alone.

/// The description of a type (`Container`) or a field (`Container.image`).
pub fn describe(key: &str) -> Option<&'static str> {
    DESCRIPTIONS
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, d)| *d)
}

const DESCRIPTIONS: &[(&str, &str)] = &[
    (
        "Pod",
        "Pod is a collection of containers that can run on a host. The API server stores the desired state; the kubelet of the node the Pod is bound to runs it.",
    ),
    (
        "Deployment",
        "Deployment enables declarative updates for Pods and ReplicaSets: it keeps the desired number of Pods of its template running and rolls out template changes.",
    ),
    (
        "ReplicaSet",
        "ReplicaSet ensures that a specified number of Pod replicas are running at any given time.",
    ),
    (
        "Job",
        "Job represents the configuration of a single job: Pods that run to completion.",
    ),
    (
        "Service",
        "Service is a named abstraction of software service (for example, nginx) consisting of a port the proxy listens on and a selector that picks the Pods that answer.",
    ),
    (
        "ObjectMeta",
        "Standard object's metadata: name, namespace, labels, annotations, and what the server fills in.",
    ),
    (
        "ObjectMeta.name",
        "Name must be unique within a namespace. It is required when creating a resource, unless generateName is used.",
    ),
    (
        "ObjectMeta.namespace",
        "Namespace defines the space within which each name must be unique. An empty namespace is the \"default\" namespace.",
    ),
    (
        "ObjectMeta.labels",
        "Map of string keys and values that can be used to organize and categorize (scope and select) objects.",
    ),
    (
        "ObjectMeta.annotations",
        "Unstructured key value map stored with a resource that tools can set to store and retrieve arbitrary metadata. They are not queryable.",
    ),
    ("PodSpec", "PodSpec is a description of a pod."),
    (
        "PodSpec.containers",
        "List of containers belonging to the pod. Containers cannot currently be added or removed. There must be at least one container in a Pod. Cannot be updated.",
    ),
    (
        "PodSpec.initContainers",
        "List of initialization containers belonging to the pod. Init containers are executed in order prior to containers being started.",
    ),
    (
        "PodSpec.restartPolicy",
        "Restart policy for all containers within the pod. One of Always, OnFailure, Never. Default to Always.",
    ),
    (
        "PodSpec.nodeSelector",
        "NodeSelector is a selector which must be true for the pod to fit on a node: the node's labels must match every key and value.",
    ),
    (
        "PodSpec.nodeName",
        "NodeName indicates in which node this pod is scheduled. The scheduler sets it when it binds the pod.",
    ),
    (
        "PodSpec.tolerations",
        "If specified, the pod's tolerations: which taints of a node the pod accepts.",
    ),
    (
        "PodSpec.terminationGracePeriodSeconds",
        "Optional duration in seconds the pod needs to terminate gracefully. Defaults to 30 seconds.",
    ),
    (
        "Container",
        "A single application container that you want to run within a pod.",
    ),
    (
        "Container.name",
        "Name of the container specified as a DNS_LABEL. Each container in a pod must have a unique name. Cannot be updated.",
    ),
    (
        "Container.image",
        "Container image name. More info: https://kubernetes.io/docs/concepts/containers/images",
    ),
    (
        "Container.command",
        "Entrypoint array. Not executed within a shell. The container image's ENTRYPOINT is used if this is not provided. Cannot be updated.",
    ),
    (
        "Container.args",
        "Arguments to the entrypoint. The container image's CMD is used if this is not provided. Cannot be updated.",
    ),
    (
        "Container.ports",
        "List of ports to expose from the container. Not specifying a port here DOES NOT prevent that port from being exposed.",
    ),
    (
        "Container.env",
        "List of environment variables to set in the container. Cannot be updated.",
    ),
    (
        "Container.envFrom",
        "List of sources to populate environment variables in the container.",
    ),
    (
        "Container.resources",
        "Compute Resources required by this container: requests (what the scheduler reserves) and limits (what the container may use).",
    ),
    (
        "Container.imagePullPolicy",
        "Image pull policy. One of Always, Never, IfNotPresent. Defaults to Always if :latest tag is specified, or IfNotPresent otherwise. Cannot be updated.",
    ),
    (
        "Container.livenessProbe",
        "Periodic probe of container liveness. Container will be restarted if the probe fails. Cannot be updated.",
    ),
    (
        "Container.readinessProbe",
        "Periodic probe of container service readiness. Container will be removed from service endpoints if the probe fails. Cannot be updated.",
    ),
    (
        "Container.startupProbe",
        "StartupProbe indicates that the Pod has successfully initialized. Other probes wait until it succeeds.",
    ),
    (
        "Container.volumeMounts",
        "Pod volumes to mount into the container's filesystem. Cannot be updated.",
    ),
    (
        "Container.workingDir",
        "Container's working directory. If not specified, the container runtime's default will be used.",
    ),
    (
        "Container.securityContext",
        "SecurityContext defines the security options the container should be run with.",
    ),
    (
        "Container.lifecycle",
        "Actions that the management system should take in response to container lifecycle events.",
    ),
    (
        "DeploymentSpec",
        "DeploymentSpec is the specification of the desired behavior of the Deployment.",
    ),
    (
        "DeploymentSpec.replicas",
        "Number of desired pods. Defaults to 1.",
    ),
    (
        "DeploymentSpec.selector",
        "Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment. It must match the pod template's labels.",
    ),
    (
        "DeploymentSpec.template",
        "Template describes the pods that will be created.",
    ),
    (
        "DeploymentSpec.strategy",
        "The deployment strategy to use to replace existing pods with new ones: RollingUpdate (the default) or Recreate.",
    ),
    (
        "ServiceSpec",
        "ServiceSpec describes the attributes that a user creates on a service.",
    ),
    (
        "ServiceSpec.selector",
        "Route service traffic to pods with label keys and values matching this selector.",
    ),
    (
        "ServiceSpec.ports",
        "The list of ports that are exposed by this service.",
    ),
    (
        "ServiceSpec.type",
        "Type determines how the Service is exposed: ClusterIP (the default), NodePort, LoadBalancer or ExternalName.",
    ),
    (
        "JobSpec",
        "JobSpec describes how the job execution will look like.",
    ),
    (
        "JobSpec.completions",
        "Specifies the desired number of successfully finished pods the job should be run with.",
    ),
    (
        "JobSpec.backoffLimit",
        "Specifies the number of retries before marking this job failed. Defaults to 6.",
    ),
];
