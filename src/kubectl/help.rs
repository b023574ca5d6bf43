//! `help`: the commands the simulator understands.

pub fn text() -> String {
    "\
kubectl commands (the leading \"kubectl\" is optional):
  get pods|nodes|namespaces|deployments|replicasets|daemonsets|statefulsets|jobs|cronjobs|
      services|endpointslices|endpoints|leases|events|configmaps|secrets|pv|pvc|storageclasses|
      resourcequotas|limitranges|all [NAME...] [-o wide|yaml|json|name|jsonpath='{...}']
      [-l key=value] [-n NAMESPACE | -A] [--show-labels] [--no-headers] [--sort-by=.FIELD]
  events [--for KIND/NAME] [--types Warning] [-n NAMESPACE | -A]   events in the order they happened
  describe KIND NAME                 any kind above
  apply -f FILE                      apply a manifest file (YAML or JSON, several documents)
  create deployment NAME --image=IMAGE [--replicas=N] [--port=N]
  create namespace NAME
  create configmap NAME --from-literal=KEY=VALUE...
  create secret generic NAME --from-literal=KEY=VALUE...
  create cronjob NAME --image=IMAGE --schedule='*/1 * * * *' [-- COMMAND ARGS...]
  create job NAME --image=IMAGE [-- COMMAND ARGS...] | create job NAME --from=cronjob/NAME
      (any create: --dry-run=client -o yaml|json prints the object instead)
  version                            the cluster's Kubernetes version
  run NAME --image=IMAGE [--restart=Always|OnFailure|Never] [-- COMMAND ARGS...]
  expose deployment|pod|service NAME --port=N [--target-port=N] [--name=NAME]
      [--type=ClusterIP|NodePort|LoadBalancer]
  delete KIND NAME... | delete KIND -l key=value   [--grace-period=SECONDS] [--now] [--force]
      [--wait=false] [--timeout=DURATION]   waits until the objects are gone, as kubectl does
  scale deployment|statefulset NAME --replicas=N
  set image deployment/NAME|statefulset/NAME CONTAINER=IMAGE
  rollout status|history|undo|pause|resume|restart deployment NAME
      history [--revision=N]; undo [--to-revision=N]; status and restart also for statefulset
      status [--watch=false] [--timeout=DURATION] follows the rollout until it is done
  label|annotate KIND NAME... key=value... [key-] [--overwrite] [-l key=value | --all]
  cordon NODE | uncordon NODE | drain NODE [--ignore-daemonsets] [--force] [--timeout=DURATION]
  logs POD [-c CONTAINER] [--previous]
  exec POD [-c CONTAINER] -- COMMAND ARGS...
      run a command in the container: cat, ls, env, printenv, hostname, touch, rm, echo,
      sh -c '...', and as the image has them wget, curl, nslookup (Service names resolve
      as in the Pod: web, web.default, web.default.svc.cluster.local); a request through
      a Service ends with a note of the Pod that answered
  top pod|node [NAME]                CPU and memory in use (CPU held to its limit)
  COMMAND | grep TEXT | wc -l        filter the output: grep, sort, head, tail, wc, uniq
simulator controls:
  wait DURATION                      let simulated time pass (30s, 5m, 1m30s)
  fault node-down NODE               the node stops answering (its kubelet goes silent)
  fault node-up NODE                 the node comes back
  fault crash POD                    the main process of the pod's container dies
  runtime containerd|dockershim      switch the container runtime path of every node
  scenario [NAME]                    list the scenarios, or start one (resets the cluster)
  join [NODE]                        a new worker node joins the cluster
  reset                              back to the default cluster
  traffic SERVICE [RPS]              simulated requests to a Service (RPS 0 stops them)
  help                               this list
"
    .to_string()
}
